using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Cache;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.HttpModel.Tasks;

/// <summary>A task's status as the API shows it, with links to its result; also the body of its callback.</summary>
/// <param name="Batch">The batch the task is one item of, if any.</param>
/// <param name="Callback">How delivering the finished task to its callback URL goes (url, status, attempts, lastError, deliveredAt); null without one.</param>
/// <param name="TraceId">The W3C trace id of the task's spans and log lines, the client's own when it sent a <c>traceparent</c>; null when the platform exports no traces.</param>
/// <param name="Runs">Each finished run of its function, oldest first (attempt, provider, startedAt, finishedAt, status, exitCode, failureReason, error, retryAt): more than one when its retry policy ran it again.</param>
/// <param name="RetryAt">When its next run is due while it waits for a retry (QUEUED, unplaced); null otherwise.</param>
/// <param name="Destination">How handing its outcome to its function's destination goes (target, invocationId, status, attempts, lastError); absent without one.</param>
/// <param name="CacheAllocation">The L3 cache ways its finished attempt got, or why none; null when it needed none or its node cannot allocate cache.</param>
public sealed record TaskResponse(
    Guid Id,
    string Function,
    int FunctionVersion,
    TaskState Status,
    string? Provider,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    string? FailureReason,
    string? Error,
    int InputBytes,
    long InputSize,
    string? PinnedProvider,
    int ResultBytes,
    string ResultUrl,
    string LogsUrl,
    TaskMetricsResponse? Metrics,
    PlacementDecision? Placement,
    CacheAllocationDecision? CacheAllocation,
    BatchMembership? Batch,
    CallbackStatus? Callback,
    string? TraceId,
    ImmutableArray<TaskRun> Runs,
    DateTimeOffset? RetryAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DestinationDelivery? Destination = null)
{
    public static TaskResponse From(TaskSnapshot t) => new(
        t.Id, t.Function, t.FunctionVersion, t.Status, t.Provider, t.Attempts, t.QueuedAt, t.StartedAt, t.FinishedAt,
        t.ExitCode, t.FailureReason, t.Error, t.InputBytes, t.InputSize, t.PinnedProvider, t.ResultBytes, TaskUrls.Result(t.Id), TaskUrls.Logs(t.Id),
        TaskMetricsResponse.From(t), t.Placement, t.Conditions?.CacheAllocation, t.Batch, t.Callback, t.TraceId, (t.Runs ?? TaskRuns.None).Items, t.RetryAt, t.Destination);
}
