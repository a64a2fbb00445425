using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Batches;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.Resilience;
using Orleans.Faas.Retention;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// One batch: its tasks in input order and their counts by status. Tasks report each move to their batch; the batch
/// gathers the reports and persists them together. Reports lost with a silo are made up for by reading the unfinished
/// tasks themselves, once when the batch is activated and on a reminder while it runs, never on a read. Every item
/// starts in the batch's backlog, stored before any task is submitted; items that find every queue full (or the
/// cluster's database away) stay there, QUEUED without a task, and are offered again when one of the batch's tasks
/// finishes, or else when the refusal said a place would free up.
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

    private const string ReconcileReminder = "reconcile";

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Callback deliveries save from an interleaving timer; every write goes through this so none overlap.
    private readonly CoalescedWrites _writes = new(state.WriteStateAsync);
    private readonly int[] _counts = new int[Enum.GetValues<TaskState>().Length];
    // The backlog's items that have no task yet, in input order.
    private readonly SortedSet<int> _waiting = [];
    private IGrainTimer? _flush;
    private IGrainTimer? _retry;

    private Guid Id => this.GetPrimaryKey();

    private BatchRecord Record => state.State;

    private int Total => Record.Tasks.Count;

    // Started once its record is stored; until then nothing of it shows.
    private bool IsStarted => state.RecordExists && Record.IsStarted;

    private bool IsFinished => IsStarted && _counts[(int)TaskState.Completed] + _counts[(int)TaskState.Failed] == Total;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!IsStarted)
            return;
        Recount();
        if (IsFinished)
        {
            _finished.TrySetResult();
            await LetGoOfBacklog();
            await outbox.Start(this);
            return;
        }
        // An item recorded as failed, or heard finish, left the backlog; the others are offered again, and those that got
        // their task before the previous activation ended (or before a start was cut short) find it there.
        _waiting.UnionWith(backlog.State.Inputs.Keys.Where(i => !TaskLifecycle.IsFinished(Record.StatusOf(i))));
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

        var retryIn = await SubmitEach([.. _waiting]);
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
        var current = Record.StatusOf(index);
        if (current == status || TaskLifecycle.IsFinished(current))
            return;
        _counts[(int)current]--;
        _counts[(int)status]++;
        Record.Statuses[index] = (byte)status;
        if (IsFinished)
        {
            Record.FinishedAt ??= clock.GetUtcNow();
            _finished.TrySetResult();
        }
        ScheduleFlush();
    }

    /// <summary>Stores the backlog, then the record that makes the batch started; a record not stored leaves nothing behind.</summary>
    private async Task StoreStart(BatchBacklog waiting, BatchRecord record)
    {
        backlog.State = waiting;
        state.State = record;
        try
        {
            await backlog.WriteStateAsync();
            await Write();
        }
        catch
        {
            state.State = new BatchRecord();
            await LetGoOfBacklog();
            throw;
        }
        Recount();
        _waiting.UnionWith(Enumerable.Range(0, Total));
    }

    /// <summary>The first item was refused: the batch is as if it never was.</summary>
    private async Task Forget()
    {
        await state.ClearStateAsync();
        state.State = new BatchRecord();
        Array.Clear(_counts);
        _waiting.Clear();
        await LetGoOfBacklog();
        await DisarmReconcile();
    }

    /// <summary>Once the start has offered every item: the backlog goes when none waits, and what the items reached is stored.</summary>
    private async Task AfterSubmitting(double? retryIn)
    {
        if (retryIn is { } wait)
            RetryWaitingIn(TimeSpan.FromSeconds(wait));
        else
            await LetGoOfBacklog();
        await Flush();
    }

    /// <summary>
    /// Submits the waiting items' tasks, a few at once. An item no queue has room for waits, and once one did, the rest
    /// wait untried; so do they all when a submission could not be made for now (the cluster or its database away).
    /// An item whose submission was refused otherwise fails.
    /// </summary>
    /// <returns>In how many seconds to offer the waiting items again; null when none is left waiting for a reason.</returns>
    private async Task<double?> SubmitEach(IReadOnlyList<int> items)
    {
        double? retryIn = null;
        using var stop = new CancellationTokenSource();
        async ValueTask WaitAll(double seconds)
        {
            retryIn = Math.Min(retryIn ?? double.MaxValue, seconds);
            await stop.CancelAsync();
        }
        try
        {
            await Parallel.ForEachAsync(items, Concurrently(stop.Token), async (i, _) =>
            {
                try
                {
                    await SubmitWaitingItem(i);
                }
                catch (QueueFullException e)
                {
                    await WaitAll(e.RetryAfterSeconds);
                }
                catch (Exception e) when (IsRefusal(e))
                {
                    _waiting.Remove(i);
                    NotSubmitted(i, e.Message);
                }
                catch (Exception e) when (StorageOutage.IsPassing(e))
                {
                    LogSubmissionPassing(e, Id);
                    await WaitAll(TaskNotStoredException.RetryAfterSeconds);
                }
            });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The items not offered yet stay waiting.
        }
        return retryIn;
    }

    /// <summary>
    /// Submits a waiting item's task from the backlog. Safe to repeat: an item whose task exists (submitted before the
    /// batch last stopped) is left as it is, and what it reached is read from it.
    /// </summary>
    private async Task SubmitWaitingItem(int index)
    {
        var left = backlog.State;
        var task = TaskAt(index);
        var submitted = await task.SubmitIfNew(TaskSubmissions.For(left.Plan!, left.Inputs[index], left.Options, new BatchMembership(Id, index)));
        _waiting.Remove(index);
        if (!submitted && await task.GetSnapshot() is { } existing)
            Reached(index, existing.Status);
    }

    /// <summary>Errors that mean an item's task cannot be made now or soon, as opposed to the cluster being briefly unreachable.</summary>
    private static bool IsRefusal(Exception e) =>
        e is QueueFullException or NoProviderAvailableException or UnmetConstraintException or PinnedProviderUnavailableException;

    private void RetryWaitingIn(TimeSpan due) =>
        _retry ??= this.RegisterGrainTimer(_ => SubmitWaiting(), new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });

    /// <summary>Brings the next offer of the waiting items forward to now; reports that come while it runs make one more.</summary>
    private void RetryWaitingNow()
    {
        if (_retry is null)
            RetryWaitingIn(TimeSpan.Zero);
        else
            _retry.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Offers the waiting items again, in input order, the first alone so that a cluster still full costs one refusal;
    /// once none is left, their inputs are let go.
    /// </summary>
    private async Task SubmitWaiting()
    {
        _retry?.Dispose();
        _retry = null;
        var count = backlog.State.Inputs.Count;
        var retryIn = _waiting.Count == 0 ? null : await SubmitEach([_waiting.Min]);
        if ((retryIn ?? await SubmitEach([.. _waiting])) is { } wait)
        {
            RetryWaitingIn(TimeSpan.FromSeconds(wait));
            return;
        }
        LogBacklogSubmitted(Id, count);
        await LetGoOfBacklog();
    }

    /// <summary>Clears the backlog once none of its items waits: a silo lost before the backlog was cleared leaves it for the next activation.</summary>
    private async Task LetGoOfBacklog()
    {
        if (backlog.State.Inputs.Count == 0)
            return;
        await backlog.ClearStateAsync();
        backlog.State = new BatchBacklog();
    }

    private void NotSubmitted(int index, string error)
    {
        Record.NotSubmitted[index] = error;
        Reached(index, TaskState.Failed);
    }

    /// <summary>Many reports, one write: soon after the first one, at once when the batch has finished.</summary>
    private void ScheduleFlush()
    {
        var due = IsFinished ? TimeSpan.Zero : options.Value.FlushDelay;
        if (_flush is null)
            _flush = this.RegisterGrainTimer(_ => Flush(), new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan });
        else if (IsFinished)
            _flush.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stores what the batch heard; while the database is away it tries again, and only a stored finish is acted on.</summary>
    private async Task Flush()
    {
        _flush?.Dispose();
        _flush = null;
        if (IsFinished && Record.CallbackUrl is { } url && Record.Callback is null)
            Record.Callback = CallbackStatus.Pending(url, Record.FinishedAt!.Value + callbackOptions.Value.RetryFor);
        try
        {
            await Write();
        }
        catch (Exception e) when (StorageOutage.IsPassing(e))
        {
            LogNotStored(e, Id);
            _flush = this.RegisterGrainTimer(_ => Flush(), new GrainTimerCreationOptions
            {
                DueTime = TimeSpan.FromSeconds(TaskNotStoredException.RetryAfterSeconds),
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = true,
            });
            return;
        }
        if (IsFinished)
        {
            expiry.Schedule(this.GetGrainId(), Record.FinishedAt!.Value);
            await DisarmReconcile();
            await outbox.Start(this);
        }
    }

    public async Task Expire()
    {
        if (!IsStarted)
        {
            await LetGoOfBacklog();
            await Expiry.Forget(this, state);
        }
        else if (IsFinished)
            await expiry.ExpireFinished(this, state, Record.FinishedAt!.Value, Record.Callback);
    }

    /// <summary>Reads every task the batch has not heard finish; bounded, and only on activation and the reminder. A waiting item has none yet.</summary>
    private async Task Reconcile()
    {
        if (backlog.State.Inputs.Count > 0)
            RetryWaitingIn(TimeSpan.Zero);
        var unheard = Enumerable.Range(0, Total).Where(i => !TaskLifecycle.IsFinished(Record.StatusOf(i)) && !_waiting.Contains(i)).ToList();
        await Parallel.ForEachAsync(unheard, Concurrently(CancellationToken.None), async (i, _) =>
        {
            if (await TaskAt(i).GetSnapshot() is { } task)
                Reached(i, task.Status);
            else
                NotSubmitted(i, "Its task was never submitted.");
        });
        LogReconciled(Id, unheard.Count, Total - _counts[(int)TaskState.Completed] - _counts[(int)TaskState.Failed]);
        await Flush();
    }

    private Task Write() => _writes.Write();

    private void Recount()
    {
        Array.Clear(_counts);
        foreach (var status in Record.Statuses)
            _counts[status]++;
    }

    private ParallelOptions Concurrently(CancellationToken stop) =>
        // On the grain's own scheduler, so every continuation stays inside the activation.
        new() { MaxDegreeOfParallelism = options.Value.SubmitConcurrency, TaskScheduler = TaskScheduler.Current, CancellationToken = stop };

    private ITaskGrain TaskAt(int index) => GrainFactory.GetGrain<ITaskGrain>(Record.Tasks[index]);

    /// <summary>Best effort: without it an unfinished batch still learns of its tasks from their reports and its next activation.</summary>
    private async Task ArmReconcile()
    {
        try
        {
            await this.RegisterOrUpdateReminder(ReconcileReminder, options.Value.ReconcileEvery, options.Value.ReconcileEvery);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogReminderFailed(e, Id);
        }
    }

    private async Task DisarmReconcile()
    {
        try
        {
            if (await this.GetReminder(ReconcileReminder) is { } reminder)
                await this.UnregisterReminder(reminder);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogReminderFailed(e, Id);
        }
    }

    private BatchSnapshot? Snapshot() => !IsStarted
        ? null
        : new BatchSnapshot(
            Id,
            Record.Function,
            Record.FunctionVersion,
            Total,
            _counts[(int)TaskState.Queued],
            _counts[(int)TaskState.Running],
            _counts[(int)TaskState.Completed],
            _counts[(int)TaskState.Failed],
            Record.CreatedAt,
            IsFinished ? Record.FinishedAt : null,
            Record.Callback,
            silo.Name);

    CallbackStatus? ICallbackOwner.Callback => Record.Callback;

    string ICallbackOwner.CallbackSigner => $"function '{Record.Function}'";

    Task<string?> ICallbackOwner.GetCallbackSecret() => GrainFactory.GetGrain<IFunctionGrain>(Record.Function).GetCallbackSecret();

    byte[] ICallbackOwner.CallbackBody() => JsonSerializer.SerializeToUtf8Bytes(BatchResponse.From(Snapshot()!), FaasJson.Options);

    async Task ICallbackOwner.SaveCallback(CallbackStatus status)
    {
        Record.Callback = status;
        await Write();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Count} items of {Function}; {Failures} submissions failed, {Waiting} wait for room in a queue")]
    private partial void LogStarted(Guid batchId, string function, int count, int failures, int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: the last of its {Waiting} items that waited for room in a queue has its task")]
    private partial void LogBacklogSubmitted(Guid batchId, int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: read {Unheard} tasks it had not heard finish; {Unfinished} still run")]
    private partial void LogReconciled(Guid batchId, int unheard, int unfinished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: a task could not be submitted for now; its items wait and are offered again")]
    private partial void LogSubmissionPassing(Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: what it heard could not be stored; it tries again")]
    private partial void LogNotStored(Exception exception, Guid batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: its reconcile reminder could not be changed")]
    private partial void LogReminderFailed(Exception exception, Guid batchId);
}
