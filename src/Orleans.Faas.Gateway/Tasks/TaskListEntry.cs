using Orleans.Faas.History;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Tasks;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Gateway.Tasks;

/// <summary>One attempt of a task in the task list: held by a provider (QUEUED or RUNNING) or finished (COMPLETED or FAILED).</summary>
/// <param name="Since">When it took its status: joined the provider's queue, took a slot there, or finished.</param>
/// <param name="WallMs">The run's wall time; null until it finished.</param>
/// <param name="PredictedMs">The run time placement predicted for it; null while it is held or when none was predicted.</param>
/// <param name="FailureReason">Why a FAILED attempt failed, e.g. <c>nonzero_exit</c>; null otherwise.</param>
/// <param name="Url">The task's own address, which shows the task as it is now.</param>
public sealed record TaskListEntry(
    Guid Id,
    int Attempt,
    string Function,
    int FunctionVersion,
    TaskState Status,
    string Provider,
    DateTimeOffset Since,
    double? WallMs,
    double? PredictedMs,
    string? FailureReason,
    string Url)
{
    public static TaskListEntry Held(HeldAttempt a, string provider) =>
        new(a.TaskId, a.Attempt, a.Function, a.FunctionVersion, a.Running ? TaskState.Running : TaskState.Queued, provider, a.Since, null, null, null, TaskUrls.Status(a.TaskId));

    public static TaskListEntry Finished(ExecutionRecord r) =>
        new(r.TaskId, r.Attempt, r.Function, r.FunctionVersion, r.Status, r.Provider, r.FinishedAt, r.WallMs, r.PredictedMs, r.FailureReason, TaskUrls.Status(r.TaskId));
}
