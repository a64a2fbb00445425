using Orleans.Faas.Providers;
using Orleans.Faas.Retention;

namespace Orleans.Faas.Tasks;

/// <summary>One invocation, keyed by task id. Every transition is persisted before the call returns; once finished it expires after the retention.</summary>
[Alias("faas.ITaskGrain")]
public interface ITaskGrain : IGrainWithGuidKey, IExpiring
{
    /// <summary>
    /// Places the task's first attempt with a worker, then persists it as QUEUED there: a task no worker takes is never
    /// stored, and the placement's exception (no provider, every queue full, ...) reaches the caller.
    /// </summary>
    [Alias("Submit")]
    Task Submit(TaskSubmission submission);

    /// <summary>As <see cref="Submit"/>, unless the task was already submitted: then nothing changes and the answer is false.</summary>
    [Alias("SubmitIfNew")]
    Task<bool> SubmitIfNew(TaskSubmission submission);

    /// <summary>
    /// QUEUED → RUNNING on <paramref name="provider"/>, whose worker had <paramref name="loadAtStart"/> as it started;
    /// false when the attempt is stale or the task moved on. Asked for an attempt already RUNNING (stored so with its
    /// placement, as a free slot took it at once, or started by an earlier ask whose answer was lost), it stores
    /// nothing and answers true to the same provider, so the worker runs it instead of dropping it.
    /// </summary>
    [Alias("TryStart")]
    Task<bool> TryStart(int attempt, string provider, ProviderLoad loadAtStart);

    /// <summary>RUNNING → COMPLETED or FAILED from the runner's outcome; a stale attempt is ignored.</summary>
    [Alias("Finish")]
    Task Finish(int attempt, ExecutionOutcome outcome);

    /// <summary>QUEUED or RUNNING → FAILED without an outcome (the run never started); a stale attempt is ignored.</summary>
    [Alias("Fail")]
    Task Fail(int attempt, string reason, string error);

    /// <summary>
    /// The provider running <paramref name="attempt"/> was lost: the task is placed again with its attempt count raised,
    /// or FAILS with reason "provider lost" once the function's max attempts are used up. A stale attempt is ignored.
    /// </summary>
    [Alias("RetryAfterProviderLoss")]
    Task RetryAfterProviderLoss(int attempt);

    /// <summary>
    /// The node holding the QUEUED <paramref name="attempt"/> is stopping before it started it: the task is placed
    /// again as a new attempt, which counts toward the function's max attempts as every placement does, or FAILS with
    /// reason "provider lost" when it is pinned there.
    /// A stale attempt is ignored.
    /// </summary>
    [Alias("HandBack")]
    Task HandBack(int attempt);

    /// <summary>
    /// The watchdog's check, called by the task's watch range (<see cref="Watch.ITaskWatchGrain"/>) when it is due:
    /// places an unplaced attempt, places again one its worker no longer holds or whose node membership declared dead,
    /// and appends a finished attempt's history row again if it may be missing. Returns when the task is due next;
    /// null once it is finished and recorded, or was never submitted.
    /// </summary>
    [Alias("Check")]
    Task<DateTimeOffset?> Check();

    /// <summary>
    /// QUEUED or RUNNING → FAILED with reason "cancelled", stored before this returns; a running attempt is told to stop
    /// and waited for a while, but may still be ending (its container or process being removed) when this returns.
    /// Null when no task with this id was ever submitted.
    /// </summary>
    /// <exception cref="TaskAlreadyFinishedException">The task is COMPLETED or FAILED.</exception>
    [Alias("Cancel")]
    Task<TaskSnapshot?> Cancel();

    /// <summary>Null when no task with this id was ever submitted.</summary>
    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<TaskSnapshot?> GetSnapshot();

    [AlwaysInterleave, Alias("GetResult")]
    Task<TaskResult?> GetResult();

    /// <summary>Returns once the task finished or <paramref name="maxWait"/> passed, whichever is first.</summary>
    [AlwaysInterleave, Alias("WaitUntilFinished")]
    Task<TaskSnapshot?> WaitUntilFinished(TimeSpan maxWait);

    /// <summary>As <see cref="WaitUntilFinished"/>, with the output and logs, so a waiting caller needs no second call.</summary>
    [AlwaysInterleave, Alias("WaitForResult")]
    Task<TaskResult?> WaitForResult(TimeSpan maxWait);
}
