using Orleans.Faas.Callbacks;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tasks;

/// <summary>A task as callers see it: status, timing, placement, outcome and cost, without the result bytes.</summary>
/// <param name="WallTime">How long its finished attempt ran on the node; null until one finishes.</param>
/// <param name="Metrics">What its finished attempt cost; null when nothing was measured.</param>
/// <param name="InputSize">The size its work follows: the input's byte length unless the caller declared another.</param>
/// <param name="PinnedProvider">The provider the caller pinned it to, if any.</param>
/// <param name="Conditions">Whether its finished attempt ran cold, how long getting its container took, and its CPU quota.</param>
/// <param name="LoadAtStart">The node's running and queued tasks when its current attempt started.</param>
/// <param name="Placement">Why its current attempt went where it did; null while unplaced.</param>
/// <param name="Batch">The batch the task is one item of, if any.</param>
/// <param name="Callback">How delivering the finished task to its callback URL goes; null without one.</param>
/// <param name="TraceId">The trace its spans and log lines carry: the submitting request's, a client's <c>traceparent</c> continued; null when traces are not exported.</param>
/// <param name="Runs">Each finished run of its function, oldest first: more than one when its retry policy ran it again; null reads as none.</param>
/// <param name="RetryAt">When its next run is due, while it waits for a retry; null otherwise.</param>
/// <param name="Destination">How handing the finished task's outcome to its function's destination goes; null without one.</param>
[GenerateSerializer, Immutable, Alias("faas.TaskSnapshot")]
public sealed record TaskSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Function,
    [property: Id(2)] int FunctionVersion,
    [property: Id(3)] TaskState Status,
    [property: Id(4)] string? Provider,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset QueuedAt,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt,
    [property: Id(9)] int? ExitCode,
    [property: Id(10)] string? FailureReason,
    [property: Id(11)] string? Error,
    [property: Id(12)] int InputBytes,
    [property: Id(13)] int ResultBytes,
    [property: Id(14)] TimeSpan? WallTime = null,
    [property: Id(15)] ExecutionMetrics? Metrics = null,
    [property: Id(16)] long InputSize = 0,
    [property: Id(17)] string? PinnedProvider = null,
    [property: Id(18)] RunConditions? Conditions = null,
    [property: Id(19)] ProviderLoad? LoadAtStart = null,
    [property: Id(20)] PlacementDecision? Placement = null,
    [property: Id(21)] BatchMembership? Batch = null,
    [property: Id(22)] CallbackStatus? Callback = null,
    [property: Id(23)] string? TraceId = null,
    [property: Id(24)] TaskRuns? Runs = null,
    [property: Id(25)] DateTimeOffset? RetryAt = null,
    [property: Id(30)] DestinationDelivery? Destination = null)
{
    public bool IsFinished => Status is TaskState.Completed or TaskState.Failed;
}
