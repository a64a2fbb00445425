using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Resilience;
using Orleans.Faas.Retention;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// One batch: its tasks in input order and their counts by status (<see cref="BatchTally"/>). Tasks report each move to
/// their batch; the batch gathers the reports and persists them together (<c>BatchGrain.Flushing.cs</c>). Reports lost
/// with a silo are made up for by reading the unfinished tasks themselves, once when the batch is activated and on a
/// reminder while it runs, never on a read (<c>BatchGrain.Reconciliation.cs</c>). Every item starts in the batch's
/// backlog (<see cref="WaitingItems"/>), stored before any task is submitted; items that find every queue full (or the
/// cluster's database away) stay there, QUEUED without a task, and are offered again when one of the batch's tasks
/// finishes, or else when the refusal said a place would free up (<c>BatchGrain.Submission.cs</c>). A finished batch
/// calls back (<c>BatchGrain.Callback.cs</c>) and is deleted after the retention (<c>BatchGrain.Expiry.cs</c>).
/// </summary>
public sealed partial class BatchGrain(
    [PersistentState("batch", FaasStorage.Name)] IPersistentState<BatchRecord> state,
    [PersistentState("batchBacklog", FaasStorage.Name)] IPersistentState<BatchBacklog> backlog,
    CallbackOutbox outbox,
    Expiry expiry,
    IOptions<BatchOptions> options,
    IOptions<CallbackOptions> callbackOptions,
    ILocalSiloDetails silo,
    TimeProvider clock,
    ILogger<BatchGrain> logger)
    : Grain, IBatchGrain, IRemindable, ICallbackOwner
{
    /// <summary>The failure reason of an item whose task could not be submitted.</summary>
    public const string NotSubmittedReason = "not submitted";

    /// <summary>The failure reason of an item whose task finished longer than the retention ago and was deleted.</summary>
    public const string ExpiredReason = "expired";

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Callback deliveries save from an interleaving timer; every write goes through this so none overlap.
    private readonly CoalescedWrites _writes = new(state.WriteStateAsync);
    private readonly BatchTally _tally = new();
    private readonly WaitingItems _waiting = new(backlog);

    private Guid Id => this.GetPrimaryKey();

    private BatchRecord Record => state.State;

    private int Total => Record.Tasks.Count;

    // Started once its record is stored; until then nothing of it shows.
    private bool IsStarted => state.RecordExists && Record.IsStarted;

    private bool IsFinished => IsStarted && _tally.IsFinished;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!IsStarted)
            return;
        _tally.Track(Record.Statuses);
        if (IsFinished)
        {
            _finished.TrySetResult();
            await _waiting.LetGo();
            await outbox.Start(this);
            return;
        }
        // An item recorded as failed, or heard finish, left the backlog; the others are offered again, and those that got
        // their task before the previous activation ended (or before a start was cut short) find it there.
        _waiting.TakeUp(HasFinished);
        // What the tasks reported while no activation held the batch, or after its last write, is read from them.
        this.RegisterGrainTimer(_ => Reconcile(), new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    public async Task<BatchSnapshot> Start(BatchRequest request)
    {
        if (IsStarted)
            return Snapshot()!;
        if (request.Inputs.IsDefaultOrEmpty)
            throw new ArgumentException("A batch needs at least one input.", nameof(request));

        var plan = await GrainFactory.GetGrain<IFunctionGrain>(request.Function).GetInvocationPlan();
        // Every item carries the same values: refused here, the batch stores nothing.
        DeclaredFeatureRules.Check(plan.Version.Definition, request.Options.Features);
        var n = request.Inputs.Length;
        // The batch calls back when it finishes; its tasks do not each call back.
        var taskOptions = request.Options with { CallbackUrl = null };
        // Stored before any task is submitted, every item waiting, its task id fixed by the batch id and its index: a
        // start that fails part-way is taken up from here, by the next activation or the same start sent again, and
        // submits under the same task ids, so no item runs twice.
        await StoreStart(
            new BatchBacklog { Plan = plan, Options = taskOptions, Inputs = Enumerable.Range(0, n).ToDictionary(i => i, i => request.Inputs[i]) },
            new BatchRecord
            {
                Function = plan.Version.Definition.Name,
                FunctionVersion = plan.Version.Version,
                Tasks = [.. Enumerable.Range(0, n).Select(i => BatchTaskIds.Of(Id, i))],
                Statuses = new byte[n],
                CreatedAt = clock.GetUtcNow(),
                CallbackUrl = request.CallbackUrl,
            });
        await ArmReconcile();

        try
        {
            // The first task stands for all: when no node can take it (or has room for it), the batch is refused and nothing of it is kept.
            await SubmitWaitingItem(0);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            await Forget();
            throw;
        }
        catch (Exception e) when (StorageOutage.IsPassing(e))
        {
            // The batch is stored: its first item waits with the others and is offered again.
            LogSubmissionPassing(e, Id);
        }

        var retryIn = await SubmitEach(_waiting.ToArray());
        LogStarted(Id, Record.Function, n, Record.NotSubmitted.Count, _waiting.Count);
        await AfterSubmitting(retryIn);
        return Snapshot()!;
    }

    public Task TaskReached(int index, Guid taskId, TaskState status)
    {
        // A report of a task that is not the item's (one a batch made under this id before it kept its task ids) changes nothing.
        if (!IsStarted || index < 0 || index >= Total || Record.Tasks[index] != taskId)
            return Task.CompletedTask;
        Reached(index, status);
        // A task of the batch that finished left a place in its queue.
        if (TaskLifecycle.IsFinished(status) && _waiting.Count > 0)
            RetryWaitingNow();
        return Task.CompletedTask;
    }

    public Task<BatchSnapshot?> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task<BatchSnapshot?> WaitUntilFinished(TimeSpan maxWait)
    {
        if (IsStarted && !IsFinished)
            await Task.WhenAny(_finished.Task, Task.Delay(maxWait, clock));
        return Snapshot();
    }

    public async Task<ImmutableArray<BatchItem>?> GetItems(int offset, int limit)
    {
        if (!IsStarted)
            return null;
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var end = (int)Math.Min(Total, (long)offset + limit);
        var page = ImmutableArray.CreateBuilder<BatchItem>();
        long bytes = 0;
        // Read a few at once; the page ends early, after its first item at the least, once its outputs fill MaxPageBytes.
        foreach (var chunk in Enumerable.Range(offset, Math.Max(0, end - offset)).Chunk(options.Value.SubmitConcurrency))
        {
            foreach (var item in await Task.WhenAll(chunk.Select(Item)))
            {
                bytes += item.Output?.Length ?? 0;
                if (page.Count > 0 && bytes > options.Value.MaxPageBytes)
                    return page.ToImmutable();
                page.Add(item);
            }
        }
        return page.ToImmutable();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CallbackOutbox.ReminderName)
            await outbox.Resume(this);
        else if (IsStarted && !IsFinished)
            await Reconcile();
        else
            await DisarmReconcile();
    }

    private async Task<BatchItem> Item(int index)
    {
        var taskId = Record.Tasks[index];
        if (Record.NotSubmitted.TryGetValue(index, out var error))
            return new BatchItem(index, taskId, TaskState.Failed, null, NotSubmittedReason, error);
        var status = Record.StatusOf(index);
        if (!TaskLifecycle.IsFinished(status))
            return new BatchItem(index, taskId, status, null, null, null);
        var result = await TaskAt(index).GetResult();
        if (result is null)
            return new BatchItem(index, taskId, status, null, ExpiredReason, "Its task finished longer than the retention ago and was deleted.");
        var task = result.Task;
        return new BatchItem(index, taskId, task.Status, task.Status == TaskState.Completed ? result.Output : null, task.FailureReason, task.Error);
    }

    private void Reached(int index, TaskState status)
    {
        if (!_tally.Move(index, status))
            return;
        if (IsFinished)
        {
            Record.FinishedAt ??= clock.GetUtcNow();
            _finished.TrySetResult();
        }
        ScheduleFlush();
    }

    private void NotSubmitted(int index, string error)
    {
        Record.NotSubmitted[index] = error;
        Reached(index, TaskState.Failed);
    }

    private bool HasFinished(int index) => TaskLifecycle.IsFinished(Record.StatusOf(index));

    /// <summary>Stores the backlog, then the record that makes the batch started; a record not stored leaves nothing behind.</summary>
    private async Task StoreStart(BatchBacklog items, BatchRecord record)
    {
        state.State = record;
        try
        {
            await _waiting.Store(items);
            await Write();
        }
        catch
        {
            state.State = new BatchRecord();
            await _waiting.LetGo();
            throw;
        }
        _tally.Track(Record.Statuses);
        _waiting.TakeUp(HasFinished);
    }

    /// <summary>The first item was refused: the batch is as if it never was.</summary>
    private async Task Forget()
    {
        await state.ClearStateAsync();
        state.State = new BatchRecord();
        _tally.Track(Record.Statuses);
        _waiting.Clear();
        await _waiting.LetGo();
        await DisarmReconcile();
    }

    private Task Write() => _writes.Write();

    private ParallelOptions Concurrently(CancellationToken stop) =>
        // On the grain's own scheduler, so every continuation stays inside the activation.
        new() { MaxDegreeOfParallelism = options.Value.SubmitConcurrency, TaskScheduler = TaskScheduler.Current, CancellationToken = stop };

    private ITaskGrain TaskAt(int index) => GrainFactory.GetGrain<ITaskGrain>(Record.Tasks[index]);

    private BatchSnapshot? Snapshot() => !IsStarted
        ? null
        : new BatchSnapshot(
            Id,
            Record.Function,
            Record.FunctionVersion,
            Total,
            _tally[TaskState.Queued],
            _tally[TaskState.Running],
            _tally[TaskState.Completed],
            _tally[TaskState.Failed],
            Record.CreatedAt,
            IsFinished ? Record.FinishedAt : null,
            Record.Callback,
            silo.Name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Count} items of {Function}; {Failures} submissions failed, {Waiting} wait for room in a queue")]
    private partial void LogStarted(Guid batchId, string function, int count, int failures, int waiting);
}
