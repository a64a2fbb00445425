using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Json;
using Orleans.Faas.Retention;

namespace Orleans.Faas.Chains;

/// <summary>
/// One chain run. It works through its steps in the background of its activation, persisting each transition. While
/// it runs it keeps a reminder: when its silo dies, the reminder (or any read of the run) activates it on another
/// silo, which picks up at the step it had reached, re-attaching to that step's task instead of starting it again.
/// A run with a callback URL POSTs its outcome there when it ends, signed with its chain's secret.
/// </summary>
public sealed partial class ChainRunGrain(
    [PersistentState("chainRun", FaasStorage.Name)] IPersistentState<ChainRunRecord> state,
    ChainSteps steps,
    CallbackOutbox outbox,
    Expiry expiry,
    IOptions<ChainOptions> options,
    IOptions<CallbackOptions> callbackOptions,
    ILocalSiloDetails silo,
    TimeProvider clock,
    ILogger<ChainRunGrain> logger)
    : Grain, IChainRunGrain, IRemindable, ICallbackOwner
{
    private const string WakeUpName = "wake-up";
    private const int TransientRetries = 5;
    private static readonly TimeSpan TransientDelay = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;

    private Guid Id => this.GetPrimaryKey();

    private ChainRunRecord Record => state.State;

    private ChainRunRequest Request => Record.Request!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Record.Request is not null && !Record.IsFinished)
        {
            LogResumed(Id, Record.Steps.Count(s => s.Status == ChainStepStatus.Completed), silo.Name);
            _running = Run();
        }
        else if (Record.IsFinished)
        {
            _finished.TrySetResult();
            await outbox.Start(this);
        }
    }

    public async Task<ChainRunSnapshot> Start(ChainRunRequest request)
    {
        if (Record.Request is not null)
            throw new InvalidOperationException($"Chain run '{Id}' was already started.");

        Record.Request = request;
        Record.Status = ChainRunStatus.Running;
        Record.CreatedAt = clock.GetUtcNow();
        Record.Steps = [.. request.Steps.Select(_ => new ChainStepRecord())];
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(WakeUpName, options.Value.WakeUpPeriod, options.Value.WakeUpPeriod);
        _running = Run();
        return Snapshot()!;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CallbackOutbox.ReminderName)
            await outbox.Resume(this);
        else if (Record.Request is null || Record.IsFinished)
            await DisarmWakeUp();
        else if (_running.IsCompleted)
            _running = Run();
    }

    public Task<ChainRunSnapshot?> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task Expire()
    {
        if (Record.Request is null)
            await Expiry.Forget(this, state);
        else if (Record.IsFinished)
            await expiry.ExpireFinished(this, state, Record.FinishedAt!.Value, Record.Callback);
    }

    public async Task<ChainRunSnapshot?> WaitUntilFinished(TimeSpan maxWait)
    {
        if (Snapshot() is not { IsFinished: false })
            return Snapshot();

        await Task.WhenAny(_finished.Task, Task.Delay(maxWait, clock));
        return Snapshot();
    }

    /// <summary>Works through the steps; when the cluster is briefly unreachable it tries again, and after that its reminder does.</summary>
    private async Task Run()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunSteps();
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && attempt < TransientRetries)
            {
                await Task.Delay(TransientDelay, clock);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                LogStalled(e, Id);
                return;
            }
            catch (Exception e)
            {
                LogBroke(e, Id);
                var index = Record.Steps.FindIndex(s => s.Status != ChainStepStatus.Completed);
                await Fail(index < 0 ? Record.Steps.Count - 1 : index, $"the run broke: {e.Message}");
                return;
            }
        }
    }

    private async Task RunSteps()
    {
        while (!Record.IsFinished)
        {
            var index = Record.Steps.FindIndex(s => s.Status != ChainStepStatus.Completed);
            if (index < 0)
            {
                Record.Output = await steps.OutputOf(Record.Steps[^1]);
                await End(ChainRunStatus.Completed);
                return;
            }
            await RunStep(index);
        }
    }

    private async Task RunStep(int index)
    {
        var step = Record.Steps[index];
        var definition = Request.Steps[index];
        if (step.Status == ChainStepStatus.Pending)
        {
            step.Status = ChainStepStatus.Running;
            step.StartedAt = clock.GetUtcNow();
            if (definition.FanOut is null)
                step.TaskId = Guid.NewGuid();
            else
                step.BatchId = Guid.NewGuid();
            await state.WriteStateAsync();
        }

        Task<byte[]> Input() => index == 0 ? Task.FromResult(Request.Input) : steps.OutputOf(Record.Steps[index - 1]);
        var outcome = step.TaskId is { } taskId
            ? await steps.RunTask(definition, taskId, Input)
            : await steps.RunBatch(definition, step.BatchId!.Value, Input);

        step.FinishedAt = clock.GetUtcNow();
        if (outcome is null)
        {
            // Nothing to fan out over: the step completes with no output, and no batch was made.
            step.BatchId = null;
            step.Status = ChainStepStatus.Completed;
            await state.WriteStateAsync();
            return;
        }

        step.FunctionVersion = outcome.FunctionVersion;
        if (outcome.Refused)
            (step.TaskId, step.BatchId) = (null, null);
        if (outcome.Succeeded)
        {
            step.Status = ChainStepStatus.Completed;
            await state.WriteStateAsync();
            return;
        }

        step.Status = ChainStepStatus.Failed;
        step.FailureReason = outcome.FailureReason;
        step.Error = outcome.Error;
        await Fail(index, $"{outcome.FailureReason}: {outcome.Error}");
    }

    private async Task Fail(int index, string why)
    {
        Record.FailedStep = index;
        Record.Error = $"step {index} ({Request.Steps[index].Function}) failed: {why}";
        await End(ChainRunStatus.Failed);
    }

    private async Task End(ChainRunStatus status)
    {
        Record.Status = status;
        Record.FinishedAt = clock.GetUtcNow();
        if (Request.CallbackUrl is { } url)
            Record.Callback = CallbackStatus.Pending(url, Record.FinishedAt.Value + callbackOptions.Value.RetryFor);
        await state.WriteStateAsync();
        LogEnded(Id, Request.Chain, status, Record.Error);
        _finished.TrySetResult();
        expiry.Schedule(this.GetGrainId(), Record.FinishedAt.Value);
        await DisarmWakeUp();
        await outbox.Start(this);
    }

    /// <summary>Best effort: a reminder left behind finds the run finished at its next tick and removes itself then.</summary>
    private async Task DisarmWakeUp()
    {
        try
        {
            if (await this.GetReminder(WakeUpName) is { } reminder)
                await this.UnregisterReminder(reminder);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogWakeUpNotDisarmed(e, Id);
        }
    }

    private ChainRunSnapshot? Snapshot() => Record.Request is not { } request
        ? null
        : new ChainRunSnapshot(
            Id, request.Chain, request.ChainVersion, Record.Status,
            [.. Record.Steps.Select((s, i) => new ChainStepSnapshot(
                i, request.Steps[i].Function, request.Steps[i].FanOut, s.FunctionVersion, s.TaskId, s.BatchId, s.Status, s.StartedAt, s.FinishedAt,
                s.FailureReason, s.Error))],
            request.Input.Length, Record.CreatedAt, Record.FinishedAt, silo.Name, Record.FailedStep, Record.Error, Record.Output, Record.Callback);

    CallbackStatus? ICallbackOwner.Callback => Record.Callback;

    string ICallbackOwner.CallbackSigner => $"chain '{Request.Chain}'";

    Task<string?> ICallbackOwner.GetCallbackSecret() => GrainFactory.GetGrain<IChainGrain>(Request.Chain).GetCallbackSecret();

    byte[] ICallbackOwner.CallbackBody() => JsonSerializer.SerializeToUtf8Bytes(ChainRunResponse.From(Snapshot()!), FaasJson.Options);

    // Once the run ended its own loop writes no more, so the delivery's saves have the state to themselves.
    async Task ICallbackOwner.SaveCallback(CallbackStatus status)
    {
        Record.Callback = status;
        await state.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain run {RunId} resumed on silo {Silo} after {Completed} completed steps")]
    private partial void LogResumed(Guid runId, int completed, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain run {RunId} of {Chain} ended {Status}: {Error}")]
    private partial void LogEnded(Guid runId, string chain, ChainRunStatus status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain run {RunId}: the cluster did not answer; its reminder carries it on")]
    private partial void LogStalled(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chain run {RunId} broke while it ran")]
    private partial void LogBroke(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain run {RunId}: its wake-up reminder could not be removed; it will remove itself")]
    private partial void LogWakeUpNotDisarmed(Exception exception, Guid runId);
}
