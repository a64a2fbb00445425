using System.Collections.Immutable;

namespace Orleans.Faas.Triggers;

/// <summary>How a trigger has been doing since it was created.</summary>
/// <param name="Host">The silo the trigger is active on as it answers; another one after that silo is lost.</param>
/// <param name="LastFiring">The latest firing that made a task; null before the first.</param>
/// <param name="NextFiringAt">When it fires next, for a schedule; null when it has no next time or is no schedule.</param>
/// <param name="Fired">Firings that made a task.</param>
/// <param name="Failed">Firings that could not make one (e.g. the function was deleted); the last says why in <paramref name="LastError"/>.</param>
/// <param name="Skipped">Scheduled times missed while the cluster was down and left out by the schedule's catch-up.</param>
/// <param name="Recent">The latest firings, oldest first, at most <c>Faas:Triggers:RecentFirings</c>.</param>
/// <param name="Connection">An MQTT trigger's connection to its broker as it is now; null for a schedule.</param>
[GenerateSerializer, Immutable, Alias("faas.TriggerStatus")]
public sealed record TriggerStatus(
    [property: Id(0)] string? Host,
    [property: Id(1)] TriggerFiring? LastFiring,
    [property: Id(2)] DateTimeOffset? NextFiringAt,
    [property: Id(3)] long Fired,
    [property: Id(4)] long Failed,
    [property: Id(5)] long Skipped,
    [property: Id(6)] TriggerError? LastError,
    [property: Id(7)] ImmutableArray<TriggerFiring> Recent,
    [property: Id(8)] MqttFeedStatus? Connection = null);

/// <summary>One firing: the task it made for the time it was due (a scheduled time, a message's arrival).</summary>
[GenerateSerializer, Immutable, Alias("faas.TriggerFiring")]
public sealed record TriggerFiring(
    [property: Id(0)] DateTimeOffset DueAt,
    [property: Id(1)] DateTimeOffset FiredAt,
    [property: Id(2)] Guid TaskId);

[GenerateSerializer, Immutable, Alias("faas.TriggerError")]
public sealed record TriggerError(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Message);

/// <summary>A trigger as it is stored, with its status.</summary>
[GenerateSerializer, Immutable, Alias("faas.TriggerView")]
public sealed record TriggerView(
    [property: Id(0)] TriggerDefinition Definition,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset UpdatedAt,
    [property: Id(3)] TriggerStatus Status);

/// <param name="Created">False when it replaced a trigger of the same name, or was the same as the stored one.</param>
[GenerateSerializer, Immutable, Alias("faas.TriggerRegistration")]
public sealed record TriggerRegistration(
    [property: Id(0)] TriggerView Trigger,
    [property: Id(1)] bool Created);
