using System.Collections.Immutable;

namespace Orleans.Faas.Triggers;

/// <summary>The trigger's side of an MQTT subscription (<see cref="IMqttFeedGrain"/>): what its messages made goes into the trigger's status.</summary>
[Alias("faas.IMqttTriggerGrain")]
public interface IMqttTriggerGrain : IGrainWithStringKey
{
    /// <summary>Counts the tasks messages made since the last report, and the messages that made none, with the latest error.</summary>
    [Alias("RecordMessages")]
    Task RecordMessages(ImmutableArray<TriggerFiring> fired, int failed, TriggerError? lastError);
}
