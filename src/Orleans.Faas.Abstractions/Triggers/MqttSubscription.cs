namespace Orleans.Faas.Triggers;

/// <summary>
/// A trigger that invokes its function once per message of an MQTT topic filter, with the payload as input.
/// Credentials are never stored here, only the names of the namespace's secrets that hold them.
/// </summary>
/// <param name="Url"><c>mqtt://host[:port]</c>, or <c>mqtts://</c> for TLS.</param>
/// <param name="Topic">The topic filter subscribed to; <c>+</c> and <c>#</c> as MQTT defines them.</param>
/// <param name="Qos">The subscription's quality of service: 0, 1 or 2.</param>
/// <param name="ResultTopic">Where each completed task's output is published; null for nowhere.</param>
/// <param name="ClientId">The MQTT client id; null for one the platform chooses.</param>
/// <param name="UsernameSecret">The namespace's secret whose value is the user name; null for none.</param>
/// <param name="PasswordSecret">The namespace's secret whose value is the password; null for none.</param>
[GenerateSerializer, Immutable, Alias("faas.MqttSubscription")]
public sealed record MqttSubscription(
    [property: Id(0)] string Url,
    [property: Id(1)] string Topic,
    [property: Id(2)] int Qos = 0,
    [property: Id(3)] string? ResultTopic = null,
    [property: Id(4)] string? ClientId = null,
    [property: Id(5)] string? UsernameSecret = null,
    [property: Id(6)] string? PasswordSecret = null);
