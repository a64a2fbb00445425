using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Functions;
using Orleans.Faas.Json;
using Orleans.Faas.Retention;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// One batch: its tasks in input order and their counts by status. Tasks report each move to their batch; the batch
/// gathers the reports and persists them together. Reports lost with a silo are made up for by reading the unfinished
/// tasks themselves, once when the batch is activated and on a reminder while it runs, never on a read. Items that
/// find every queue full wait in the batch's backlog, QUEUED without a task, and are offered again when one of the
/// batch's tasks finishes, or else when the refusal said a place would free up.
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

    private bool IsFinished => Record.IsStarted && _counts[(int)TaskState.Completed] + _counts[(int)TaskState.Failed] == Total;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Record.IsStarted)
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
        // their task before the previous activation ended find it there.
        _waiting.UnionWith(backlog.State.Inputs.Keys.Where(i => !TaskLifecycle.IsFinished(Record.StatusOf(i))));
        // What the tasks reported while no activation held the batch, or after its last write, is read from them.
        this.RegisterGrainTimer(_ => Reconcile(), new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    public async Task<BatchSnapshot> Start(BatchRequest request)
    {
        if (Record.IsStarted)
            return Snapshot()!;
        if (request.Inputs.IsDefaultOrEmpty)
            throw new ArgumentException("A batch needs at least one input.", nameof(request));

        var plan = await GrainFactory.GetGrain<IFunctionGrain>(request.Function).GetInvocationPlan();
        var n = request.Inputs.Length;
        Record.Function = plan.Version.Definition.Name;
        Record.FunctionVersion = plan.Version.Version;
        Record.Tasks = [.. Enumerable.Range(0, n).Select(_ => Guid.NewGuid())];
        Record.Statuses = new byte[n];
        Record.CreatedAt = clock.GetUtcNow();
        Record.CallbackUrl = request.CallbackUrl;
        Recount();

        // The batch calls back when it finishes; its tasks do not each call back.
        var taskOptions = request.Options with { CallbackUrl = null };
        Task Submit(int i) => SubmitItem(plan, request.Inputs[i], taskOptions, i);
        try
        {
            // The first task stands for all: when no node can take it (or has room for it), the batch is refused and nothing of it is kept.
            await Submit(0);
        }
        catch
        {
            state.State = new BatchRecord();
            Array.Clear(_counts);
            throw;
        }

        var fullFor = await SubmitEach([.. Enumerable.Range(1, n - 1)], Submit);
        if (_waiting.Count > 0)
        {
            backlog.State = new BatchBacklog { Plan = plan, Options = taskOptions, Inputs = _waiting.ToDictionary(i => i, i => request.Inputs[i]) };
            await backlog.WriteStateAsync();
        }

        await Write();
        LogStarted(Id, Record.Function, n, Record.NotSubmitted.Count, _waiting.Count);
        if (IsFinished)
        {
            await Flush();
            return Snapshot()!;
        }
        await ArmReconcile();
        if (fullFor is { } wait)
            RetryWaitingIn(TimeSpan.FromSeconds(wait));
        return Snapshot()!;
    }

    public Task TaskReached(int index, TaskState status)
    {
        if (!Record.IsStarted || index < 0 || index >= Total)
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
        if (Record.IsStarted && !IsFinished)
            await Task.WhenAny(_finished.Task, Task.Delay(maxWait, clock));
        return Snapshot();
    }

    public async Task<ImmutableArray<BatchItem>?> GetItems(int offset, int limit)
    {
        if (!Record.IsStarted)
            return null;
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var end = (int)Math.Min(Total, (long)offset + limit);
        return offset >= end ? [] : [.. await Task.WhenAll(Enumerable.Range(offset, end - offset).Select(Item))];
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CallbackOutbox.ReminderName)
            await outbox.Resume(this);
        else if (Record.IsStarted && !IsFinished)
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

    /// <summary>
    /// Submits the items' tasks, a few at once. An item no queue has room for waits, and once one did, the rest wait
    /// untried; an item whose submission failed otherwise, and that made no task, fails.
    /// </summary>
    /// <returns>How soon a place is expected to free up, when an item found every queue full; else null.</returns>
    private async Task<double?> SubmitEach(IReadOnlyList<int> items, Func<int, Task> submit)
    {
        double? fullFor = null;
        var failures = new Dictionary<int, string>();
        _waiting.UnionWith(items);
        using var noRoom = new CancellationTokenSource();
        try
        {
            await Parallel.ForEachAsync(items, Concurrently(noRoom.Token), async (i, _) =>
            {
                try
                {
                    await submit(i);
                    _waiting.Remove(i);
                }
                catch (QueueFullException e)
                {
                    fullFor = Math.Min(fullFor ?? double.MaxValue, e.RetryAfterSeconds);
                    await noRoom.CancelAsync();
                }
                catch (Exception e) when (e is NoProviderAvailableException or UnmetConstraintException or PinnedProviderUnavailableException or OrleansException or TimeoutException)
                {
                    _waiting.Remove(i);
                    failures[i] = e.Message;
                }
            });
        }
        catch (OperationCanceledException) when (noRoom.IsCancellationRequested)
        {
            // The items not offered yet stay waiting.
        }
        // A submission that timed out may still have made its task; only one that made none fails its item.
        foreach (var (index, error) in failures)
        {
            if (await TaskAt(index).GetSnapshot() is null)
                NotSubmitted(index, error);
        }
        return fullFor;
    }

    /// <summary>Safe to repeat: an item whose task exists is left as it is.</summary>
    private Task SubmitItem(InvocationPlan plan, byte[] input, InvocationOptions options, int index) =>
        TaskAt(index).SubmitIfNew(TaskSubmissions.For(plan, input, options, new BatchMembership(Id, index)));

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
        var left = backlog.State;
        Task Submit(int i) => SubmitItem(left.Plan!, left.Inputs[i], left.Options, i);
        var fullFor = _waiting.Count == 0 ? null : await SubmitEach([_waiting.Min], Submit);
        if ((fullFor ?? await SubmitEach([.. _waiting], Submit)) is { } wait)
        {
            RetryWaitingIn(TimeSpan.FromSeconds(wait));
            return;
        }
        LogBacklogSubmitted(Id, left.Inputs.Count);
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

    private async Task Flush()
    {
        _flush?.Dispose();
        _flush = null;
        if (IsFinished && Record.CallbackUrl is { } url && Record.Callback is null)
            Record.Callback = CallbackStatus.Pending(url, Record.FinishedAt!.Value + callbackOptions.Value.RetryFor);
        await Write();
        if (IsFinished)
        {
            expiry.Schedule(this.GetGrainId(), Record.FinishedAt!.Value);
            await DisarmReconcile();
            await outbox.Start(this);
        }
    }

    public async Task Expire()
    {
        if (!Record.IsStarted)
            await Expiry.Forget(this, state);
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

    private BatchSnapshot? Snapshot() => !Record.IsStarted
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: its reconcile reminder could not be changed")]
    private partial void LogReminderFailed(Exception exception, Guid batchId);
}
