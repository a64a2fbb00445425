using System.Collections.Immutable;

namespace Orleans.Faas.Triggers;

/// <summary>
/// An MQTT trigger's runtime lives in a grain of its own (<see cref="IMqttFeedGrain"/>, keyed by the trigger's name),
/// which holds the client and what must outlive it: this grain tells it every change, counts what its messages made
/// (<see cref="RecordMessages"/>), and shows its connection in the status.
/// </summary>
public sealed partial class TriggerGrain : IMqttTriggerGrain
{
    private IMqttFeedGrain Feed => GrainFactory.GetGrain<IMqttFeedGrain>(Name);

    /// <summary>Any kind but MQTT (or none) stops a subscription this trigger may have had.</summary>
    private Task ApplyMqtt() => Feed.Follow(Record.Definition is { Mqtt: not null } definition ? definition : null);

    public Task RecordMessages(ImmutableArray<TriggerFiring> fired, int failed, TriggerError? lastError) =>
        Record.Definition?.Mqtt is null ? Task.CompletedTask : StoreFirings(fired, failed, lastError);

    private async Task<TriggerView?> WithConnection(TriggerView? view) =>
        view is { Definition.Mqtt: not null } ? view with { Status = view.Status with { Connection = await Feed.GetStatus() } } : view;
}
