namespace Orleans.Faas.Triggers;

/// <summary>
/// The subscription of one MQTT trigger (keyed by the trigger's qualified name), with the client that holds it: one
/// in the cluster, kept active by a reminder, so it comes back on another silo when its silo dies.
/// </summary>
[Alias("faas.IMqttFeedGrain")]
public interface IMqttFeedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs the trigger's subscription as <paramref name="definition"/> has it (stored first), replacing the one it
    /// ran, or with null stops it and forgets it.
    /// </summary>
    [Alias("Follow")]
    Task Follow(TriggerDefinition? definition);

    /// <summary>How the connection to the broker is now.</summary>
    [AlwaysInterleave, Alias("GetStatus")]
    Task<MqttFeedStatus> GetStatus();
}

/// <summary>An MQTT trigger's connection as its silo sees it now.</summary>
/// <param name="Connected">Connected to the broker and subscribed.</param>
/// <param name="Since">When it last connected or lost its connection; null before it tried.</param>
/// <param name="LastError">Why it last lost or could not make its connection, or could not make a task or publish a result; null when nothing went wrong.</param>
/// <param name="ResultsOwed">Completed or running tasks whose output it has still to publish on the result topic.</param>
[GenerateSerializer, Immutable, Alias("faas.MqttFeedStatus")]
public sealed record MqttFeedStatus(
    [property: Id(0)] bool Connected,
    [property: Id(1)] DateTimeOffset? Since,
    [property: Id(2)] TriggerError? LastError,
    [property: Id(3)] int ResultsOwed);
