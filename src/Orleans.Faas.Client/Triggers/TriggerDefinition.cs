namespace Orleans.Faas.Client;

/// <summary>
/// What invokes a function without a caller: a schedule (<see cref="Schedule"/> with its <see cref="TimeZone"/>,
/// <see cref="CatchUp"/> and <see cref="Input"/>) or an MQTT subscription (<see cref="Mqtt"/>), exactly one of them.
/// </summary>
public record TriggerDefinition
{
    /// <summary>1-63 of a-z, 0-9 and '-', as a function's name.</summary>
    public required string Name { get; init; }

    /// <summary>The function each firing invokes; it must be registered.</summary>
    public required string Function { get; init; }

    /// <summary>A cron expression: five fields (minutes first) or six (seconds first), e.g. <c>*/2 * * * * *</c>.</summary>
    public string? Schedule { get; init; }

    /// <summary>The IANA id of the zone the schedule's times are in; UTC when null.</summary>
    public string? TimeZone { get; init; }

    /// <summary>What the schedule does with times missed while the cluster was down; <see cref="Client.CatchUp.One"/> when null.</summary>
    public CatchUp? CatchUp { get; init; }

    /// <summary>The function's input at every scheduled firing, as text.</summary>
    public string? Input { get; init; }

    public MqttSubscription? Mqtt { get; init; }
}

/// <summary>What a schedule does with times missed while the whole cluster was down.</summary>
public enum CatchUp
{
    /// <summary>Skip them.</summary>
    None,

    /// <summary>Fire the latest of them once.</summary>
    One,

    /// <summary>Fire every one of them, each once.</summary>
    All,
}

/// <summary>An MQTT subscription: each message of <see cref="Topic"/> invokes the function with its payload.</summary>
public sealed record MqttSubscription
{
    /// <summary><c>mqtt://host[:port]</c>, or <c>mqtts://</c> for TLS.</summary>
    public required string Url { get; init; }

    /// <summary>A topic filter; <c>+</c> and <c>#</c> as whole levels, <c>#</c> last.</summary>
    public required string Topic { get; init; }

    /// <summary>0, 1 or 2.</summary>
    public int Qos { get; init; }

    /// <summary>Where each output is published; null for nowhere.</summary>
    public string? ResultTopic { get; init; }

    /// <summary>The MQTT client id; null for one the platform chooses.</summary>
    public string? ClientId { get; init; }

    /// <summary>The name of the namespace's secret holding the user name.</summary>
    public string? UsernameSecret { get; init; }

    /// <summary>The name of the namespace's secret holding the password.</summary>
    public string? PasswordSecret { get; init; }
}
