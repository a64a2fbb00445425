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
/// tasks themselves, once when the batch is activated and on a reminder while it runs, never on a read.
/// </summary>
public sealed partial class BatchGrain(
    [PersistentState("batch", FaasStorage.Name)] IPersistentState<BatchRecord> state,
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
    private IGrainTimer? _flush;

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
            await outbox.Start(this);
            return;
        }
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
        Task Submit(int i) => TaskAt(i).Submit(TaskSubmissions.For(plan, request.Inputs[i], taskOptions, new BatchMembership(Id, i)));
        try
        {
            // The first task stands for all: when no node can take it, the batch is refused and nothing of it is kept.
            await Submit(0);
        }
        catch
        {
            state.State = new BatchRecord();
            Array.Clear(_counts);
            throw;
        }

        var failures = new Dictionary<int, string>();
        await Parallel.ForEachAsync(Enumerable.Range(1, n - 1), Concurrently(), async (i, _) =>
        {
            try
            {
                await Submit(i);
            }
            catch (Exception e) when (e is NoProviderAvailableException or UnmetConstraintException or PinnedProviderUnavailableException or OrleansException or TimeoutException)
            {
                failures[i] = e.Message;
            }
        });
        // A submission that timed out may still have made its task; only one that made none fails its item.
        foreach (var (index, error) in failures)
        {
            if (await TaskAt(index).GetSnapshot() is null)
                NotSubmitted(index, error);
        }

        await Write();
        LogStarted(Id, Record.Function, n, failures.Count);
        if (IsFinished)
            await Flush();
        else
            await ArmReconcile();
        return Snapshot()!;
    }

    public Task TaskReached(int index, TaskState status)
    {
        if (Record.IsStarted && index >= 0 && index < Total)
            Reached(index, status);
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

    /// <summary>Reads every task the batch has not heard finish; bounded, and only on activation and the reminder.</summary>
    private async Task Reconcile()
    {
        var unheard = Enumerable.Range(0, Total).Where(i => !TaskLifecycle.IsFinished(Record.StatusOf(i))).ToList();
        await Parallel.ForEachAsync(unheard, Concurrently(), async (i, _) =>
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

    private ParallelOptions Concurrently() =>
        // On the grain's own scheduler, so every continuation stays inside the activation.
        new() { MaxDegreeOfParallelism = options.Value.SubmitConcurrency, TaskScheduler = TaskScheduler.Current };

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Count} tasks of {Function} submitted, {Failures} submissions failed")]
    private partial void LogStarted(Guid batchId, string function, int count, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: read {Unheard} tasks it had not heard finish; {Unfinished} still run")]
    private partial void LogReconciled(Guid batchId, int unheard, int unfinished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: its reconcile reminder could not be changed")]
    private partial void LogReminderFailed(Exception exception, Guid batchId);
}
