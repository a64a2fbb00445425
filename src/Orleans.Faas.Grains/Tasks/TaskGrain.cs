using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Batches;
using Orleans.Faas.Callbacks;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Functions;
using Orleans.Faas.History;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Retention;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Telemetry;
using Orleans.Storage;

namespace Orleans.Faas.Tasks;

/// <summary>
/// One invocation's lifecycle. Placement, the watchdog that re-places lost attempts, cancellation and expiry live in
/// the other parts of this class (<c>TaskGrain.Placement.cs</c>, <c>TaskGrain.Watchdog.cs</c>,
/// <c>TaskGrain.Cancellation.cs</c>, <c>TaskGrain.Expiry.cs</c>), the retry policy and dead letters in
/// <c>TaskGrain.Retries.cs</c> and <c>TaskGrain.DeadLetters.cs</c>. Every transition is stored before
/// anyone sees it (<see cref="Store"/>). A task that runs once is written twice when its worker had a free slot for it:
/// accepted and started (with its input, the only write that holds it), and finished; three times when it waited in
/// its worker's queue: accepted, RUNNING, and finished.
/// </summary>
public sealed partial class TaskGrain(
    [PersistentState("accepted", FaasStorage.Name)] IPersistentState<AcceptedTask> accepted,
    [PersistentState("task", FaasStorage.Name)] IPersistentState<TaskRecord> state,
    IExecutionHistory history,
    ProfileObservations observations,
    PredictionCorrections corrections,
    Placer placer,
    FaasMetrics metrics,
    IOptions<TaskOptions> options,
    IOptions<CallbackOptions> callbackOptions,
    CallbackOutbox outbox,
    Expiry expiry,
    IDeadLetters deadLetters,
    TimeProvider clock,
    ILogger<TaskGrain> logger)
    : Grain, ITaskGrain, ICallbackOwner, IRemindable
{
    private readonly TaskCompletionSource<TaskSnapshot> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Guid Id => this.GetPrimaryKey();

    /// <summary>The task as last stored: all that readers, the watchdog and the next transition ever see.</summary>
    private TaskRecord Record { get; set; } = new();

    private string FunctionName => Record.Submission!.Function.Definition.Name;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        TakeStored();
        return Task.CompletedTask;
    }

    private void TakeStored()
    {
        Record = state.RecordExists ? state.State : accepted.State.First;
        Record.Submission = accepted.State.Submission;
    }

    public async Task<bool> SubmitIfNew(TaskSubmission submission)
    {
        if (Record.Submission is not null)
            return false;
        await Submit(submission);
        return true;
    }

    public async Task Submit(TaskSubmission submission)
    {
        if (Record.Submission is not null)
            throw new InvalidOperationException($"Task '{Id}' was already submitted.");
        if (Activity.Current is { } call)
            submission = submission with { TraceParent = call.Id };

        // Placed before anything is stored: a task nobody takes leaves no trace, and one whose write fails leaves its
        // worker an attempt that cannot start (the worker's start report waits for this call to end, then finds no task).
        // Watched, at the same time, before stored: every stored task is watched, whatever dies when; a range that
        // watches a task that was then refused, or whose write failed, finds no task on its check and drops it.
        var first = new TaskRecord { Submission = submission, Status = TaskState.Queued, Attempts = 1, QueuedAt = clock.GetUtcNow() };
        var placing = Place(first);
        var watching = Watch(first);
        // The placement's refusal (a full queue, no provider) is what the caller hears when both fail.
        await Task.WhenAll(placing, watching);
        var placed = await placing;
        (first.Provider, first.Placement) = (placed.Provider, placed.Decision);
        StartIfSlotTaken(first, placed);

        accepted.State = new AcceptedTask { Submission = submission, First = first };
        if (!await StoreAccepted())
            return;
        Record = first;
        metrics.TaskReached(FunctionName, TaskState.Queued);
        ReachedIfStarted(placed);
        if (placed.StartedWith is not null)
            TellBatch();
    }

    /// <summary>
    /// Stores the accepted task. While the cluster loses a silo, a second activation of this task may exist for a moment
    /// and store the same submission first (a caller that timed out against the first sent it again under the same id):
    /// the write then meets a stored record, and this activation takes that one as the task instead of failing the
    /// submission. The attempt this one placed finds the task started elsewhere, or starts it, and runs it once.
    /// </summary>
    /// <returns>False when another activation's submission was stored first and is now this task.</returns>
    private async Task<bool> StoreAccepted()
    {
        Exception failure;
        try
        {
            await accepted.WriteStateAsync();
            return true;
        }
        catch (Exception e)
        {
            failure = e;
        }
        accepted.State = new AcceptedTask();
        if (failure is InconsistentStateException)
        {
            try
            {
                await Task.WhenAll(accepted.ReadStateAsync(), state.ReadStateAsync());
            }
            catch (Exception e)
            {
                LogNotStored(e, Id);
                throw new TaskNotStoredException(Id, failure.Message);
            }
            if (accepted.State.Submission is not null)
            {
                TakeStored();
                LogStoredByAnother(Id);
                return false;
            }
        }
        LogNotStored(failure, Id);
        throw new TaskNotStoredException(Id, failure.Message);
    }

    public async Task<bool> TryStart(int attempt, string provider, ProviderLoad loadAtStart)
    {
        if (IsStale(attempt))
            return false;
        // Stored as started with its placement (a free slot took it), or asked again by the worker whose first answer
        // was lost: that worker runs it.
        if (Record.Status == TaskState.Running)
            return Record.Provider == provider;

        var startedAt = clock.GetUtcNow();
        await Store(r => (r.Status, r.Provider, r.StartedAt, r.LoadAtStart) = (TaskState.Running, provider, startedAt, loadAtStart));
        metrics.TaskReached(FunctionName, TaskState.Running);
        TellBatch();
        return true;
    }

    public async Task Finish(int attempt, ExecutionOutcome outcome)
    {
        if (IsStale(attempt))
            return;

        var (reason, error) = outcome.Succeeded ? (null, null) : FailureDescription.Of(outcome, Record.Submission!.Function.Definition.Timeout);
        if (reason is not null && RetryDelay(reason, outcome) is { } delay)
        {
            await RetryLater(outcome, reason, error!, delay);
            return;
        }
        await FinishAsync(outcome.Succeeded ? TaskState.Completed : TaskState.Failed, r =>
        {
            (r.ExitCode, r.Output, r.Logs, r.Conditions) = (outcome.ExitCode, outcome.Output, outcome.Logs, outcome.Conditions);
            (r.FailureReason, r.Error) = (reason, error);
        }, outcome.WallTime, outcome.Metrics);
    }

    public async Task Fail(int attempt, string reason, string error)
    {
        if (IsStale(attempt))
            return;

        await FailNow(reason, error);
    }

    public Task<TaskSnapshot?> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<TaskResult?> GetResult() =>
        Task.FromResult(Snapshot() is { } snapshot ? new TaskResult(snapshot, Record.Output, Record.Logs) : null);

    public async Task<TaskResult?> WaitForResult(TimeSpan maxWait)
    {
        await WaitUntilFinished(maxWait);
        return await GetResult();
    }

    public async Task<TaskSnapshot?> WaitUntilFinished(TimeSpan maxWait)
    {
        if (Snapshot() is not { IsFinished: false })
            return Snapshot();

        await Task.WhenAny(_finished.Task, Task.Delay(maxWait, clock));
        return Snapshot();
    }

    /// <summary>A call about an attempt other than the current one, or about a finished task, changes nothing.</summary>
    private bool IsStale(int attempt)
    {
        if (Record.Submission is null)
            return true;
        if (attempt == Record.Attempts && !TaskLifecycle.IsFinished(Record.Status))
            return false;

        LogStaleAttempt(Id, attempt, Record.Attempts, Record.Status);
        return true;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to a copy of the task and stores it; only once it is stored does the copy
    /// become <see cref="Record"/>. A write that fails leaves the task as stored before, and the caller gets a
    /// <see cref="TaskNotStoredException"/>.
    /// </summary>
    private async Task Store(Action<TaskRecord> change)
    {
        var next = Record.Copy();
        change(next);
        state.State = next;
        await Persist(state.WriteStateAsync(), () => state.State = Record);
        Record = next;
    }

    /// <summary>Waits for a write; when it fails, <paramref name="revert"/> puts the state back as stored and the caller gets a <see cref="TaskNotStoredException"/>.</summary>
    private async Task Persist(Task write, Action revert)
    {
        try
        {
            await write;
        }
        catch (Exception e)
        {
            revert();
            LogNotStored(e, Id);
            throw new TaskNotStoredException(Id, e.Message);
        }
    }

    private void MoveTo(TaskRecord record, TaskState next)
    {
        if (!TaskLifecycle.IsLegal(record.Status, next))
            throw new IllegalTaskTransitionException(Id, record.Status, next);
        record.Status = next;
    }

    /// <summary>QUEUED or RUNNING → FAILED without a run to show for it.</summary>
    private Task FailNow(string reason, string error) =>
        FinishAsync(TaskState.Failed, r => (r.FailureReason, r.Error) = (reason, error), TimeSpan.Zero);

    private async Task FinishAsync(TaskState status, Action<TaskRecord> outcome, TimeSpan wallTime, ExecutionMetrics? cost = null)
    {
        var finishedAt = clock.GetUtcNow();
        var callbackFor = callbackOptions.Value.RetryFor;
        await ArmDestination(status);
        void Finished(TaskRecord r)
        {
            MoveTo(r, status);
            outcome(r);
            (r.FinishedAt, r.WallTime, r.Metrics, r.RetryAt) = (finishedAt, wallTime, cost, null);
            r.Runs = r.Runs.Add(new TaskRun(r.Attempts, r.Provider, r.StartedAt, finishedAt, r.Status, r.ExitCode, r.FailureReason, r.Error));
            if (r.Submission!.CallbackUrl is { } url)
                r.Callback = CallbackStatus.Pending(url, finishedAt + callbackFor);
            r.Destination = PendingDestination(status);
        }
        var finished = Record.Copy();
        Finished(finished);
        await KeepDeadLetter(finished);
        await Store(Finished);
        _finished.TrySetResult(Snapshot()!);
        TellBatch();
        expiry.Schedule(this.GetGrainId(), finishedAt);
        await outbox.Start(this);
        StartDestination();

        metrics.TaskReached(FunctionName, Record.Status);
        metrics.TaskFinished(FunctionName, Record.Status, finishedAt - Record.QueuedAt);
        var recorded = Task.CompletedTask;
        if (Record.Provider is { } provider)
        {
            var execution = ExecutionRecords.Of(Id, Record, provider);
            if (execution is { Status: TaskState.Completed, WallMs: > 0, PredictedMs: { } predicted })
                metrics.PredictionChecked(FunctionName, provider, predicted, execution.WallMs);
            recorded = AppendToHistory(execution);
            observations.Add(execution);
            corrections.Learn(execution);
        }
        // Not awaited: the worker that reported the outcome gets its slot back now, not once the history has the row.
        _ = StopWatchingOnceRecorded(recorded);
    }

    /// <summary>Appends the execution to the history; traced as a span that lasts until the row is written.</summary>
    private Task AppendToHistory(ExecutionRecord execution)
    {
        var caller = Activity.Current;
        var span = FaasTracing.StartInTask(FaasTracing.HistoryWrite, Record.Submission!.TraceParent);
        if (span is null)
            return history.Append(execution);
        try
        {
            return EndOnceWritten(history.Append(execution), span);
        }
        finally
        {
            // Started here, the span would otherwise stay current for the rest of the caller's work.
            Activity.Current = caller;
        }

        static async Task EndOnceWritten(Task write, Activity span)
        {
            using (span)
                await write;
        }
    }

    /// <summary>Best effort: the batch reads the tasks it has not heard from when it is activated and on its reminder.</summary>
    private void TellBatch()
    {
        if (Record.Submission?.Batch is { } batch)
            GrainFactory.GetGrain<IBatchGrain>(batch.BatchId).TaskReached(batch.Index, Id, Record.Status).Ignore();
    }

    /// <summary>
    /// The callback outbox's reminder (<see cref="CallbackOutbox"/>) and the destination's; any other (an earlier
    /// version's per-task watchdog) is removed, as the task's watch range does its job.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CallbackOutbox.ReminderName)
            await outbox.Resume(this);
        else if (reminderName == DestinationReminder)
            await HandOver(CancellationToken.None);
        else
            await this.Unregister(reminderName);
    }

    CallbackStatus? ICallbackOwner.Callback => Record.Callback;

    string ICallbackOwner.CallbackSigner => $"function '{FunctionName}'";

    Task<string?> ICallbackOwner.GetCallbackSecret() => GrainFactory.GetGrain<IFunctionGrain>(FunctionName).GetCallbackSecret();

    byte[] ICallbackOwner.CallbackBody() => JsonSerializer.SerializeToUtf8Bytes(TaskResponse.From(Snapshot()!), FaasJson.Options);

    Task ICallbackOwner.SaveCallback(CallbackStatus status) => Store(r => r.Callback = status);

    private TaskSnapshot? Snapshot() => Record.Submission is not { } submission
        ? null
        : new TaskSnapshot(
            Id,
            submission.Function.Definition.Name,
            submission.Function.Version,
            Record.Status,
            Record.Provider,
            Record.Attempts,
            Record.QueuedAt,
            Record.StartedAt,
            Record.FinishedAt,
            Record.ExitCode,
            Record.FailureReason,
            Record.Error,
            submission.Input.Length,
            Record.Output.Length,
            Record.WallTime,
            Record.Metrics,
            submission.InputSize,
            submission.PinnedProvider,
            Record.Conditions,
            Record.LoadAtStart,
            Record.Placement,
            submission.Batch,
            Record.Callback,
            FaasTracing.TraceIdOf(submission.TraceParent),
            new TaskRuns(Record.Runs),
            Record.RetryAt,
            Record.Destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: another activation stored the same submission first; that one is the task")]
    private partial void LogStoredByAnother(Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: a change could not be stored; the task stays as it was")]
    private partial void LogNotStored(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: ignored a report about attempt {Attempt}; the task is at attempt {Current}, {Status}")]
    private partial void LogStaleAttempt(Guid taskId, int attempt, int current, TaskState status);
}
