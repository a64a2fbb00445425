using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Callbacks;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Chains;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.Resilience;
using Orleans.Faas.Retention;

namespace Orleans.Faas.Chains;

/// <summary>
/// One chain run. It works through its steps in the background of its activation, persisting each transition before
/// readers see it, and riding out the cluster or its database being away. While it runs it keeps a reminder: when its
/// silo dies, the reminder (or any read of the run) activates it on another silo, which picks up at the step it had
/// reached, re-attaching to that step's task or batch instead of starting it again.
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

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;
    // The run as last stored: all that readers ever see.
    private ChainRunSnapshot? _stored;
    // A change made but not stored yet (its write failed): it is written again before the run moves on.
    private bool _unsaved;
    private bool _ended;

    private Guid Id => this.GetPrimaryKey();

    private ChainRunRecord Record => state.State;

    private ChainRunRequest Request => Record.Request!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = Stored();
        if (Record.Request is not null && !Record.IsFinished)
        {
            LogResumed(Id, Record.Steps.Count(s => s.Status == ChainStepStatus.Completed), silo.Name);
            _running = Run();
        }
        else if (Record.IsFinished)
        {
            _ended = true;
            _finished.TrySetResult();
            await outbox.Start(this);
        }
    }

    public async Task<ChainRunSnapshot> Start(ChainRunRequest request)
    {
        if (Record.Request is not null)
            throw new InvalidOperationException($"Chain run '{Id}' was already started.");

        // Armed first: a reminder that finds no run removes itself, while a run without one would not outlive its silo.
        await this.RegisterOrUpdateReminder(WakeUpName, options.Value.WakeUpPeriod, options.Value.WakeUpPeriod);
        Record.Request = request;
        Record.Status = ChainRunStatus.Running;
        Record.CreatedAt = clock.GetUtcNow();
        Record.Steps = [.. request.Steps.Select(_ => new ChainStepRecord())];
        try
        {
            await Save();
        }
        catch
        {
            (state.State, _unsaved) = (new ChainRunRecord(), false);
            throw;
        }
        _running = Run();
        return _stored!;
    }

    public async Task<ChainRunSnapshot> StartIfNew(ChainRunRequest request) =>
        Record.Request is null ? await Start(request) : _stored!;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CallbackOutbox.ReminderName)
            await outbox.Resume(this);
        else if (_stored is null or { IsFinished: true })
            await DisarmWakeUp();
        else if (_running.IsCompleted)
            _running = Run();
    }

    public Task<ChainRunSnapshot?> GetSnapshot() => Task.FromResult(_stored);

    public async Task Expire()
    {
        if (_stored is null)
            await Expiry.Forget(this, state);
        else if (_stored.IsFinished)
            await expiry.ExpireFinished(this, state, Record.FinishedAt!.Value, Record.Callback);
    }

    public async Task<ChainRunSnapshot?> WaitUntilFinished(TimeSpan maxWait)
    {
        if (_stored is not { IsFinished: false })
            return _stored;

        await Task.WhenAny(_finished.Task, Task.Delay(maxWait, clock));
        return _stored;
    }

    /// <summary>Works through the steps, riding out the cluster or its database being away; when that lasts, its reminder tries again.</summary>
    private async Task Run()
    {
        try
        {
            // Every try on the activation's own scheduler, as the steps read and write its state; when the outage outlasts
            // the pipeline, the run's reminder carries it on.
            await ClusterCalls.WhileOutagePasses.ExecuteInGrain(RunSteps);
        }
        catch (Exception e) when (StorageOutage.IsPassing(e))
        {
            LogStalled(e, Id);
        }
        catch (Exception e)
        {
            LogBroke(e, Id);
        }
    }

    /// <summary>Runs the steps to the end; a step that breaks (not for an outage) fails the run at that step.</summary>
    private async Task RunSteps()
    {
        while (true)
        {
            try
            {
                await Advance();
                return;
            }
            catch (JoinedOutputTooLargeException e) when (!Record.IsFinished)
            {
                MarkFailed(e.Step, e.Message);
            }
            catch (Exception e) when (!StorageOutage.IsPassing(e) && !Record.IsFinished)
            {
                LogBroke(e, Id);
                var index = Record.Steps.FindIndex(s => s.Status != ChainStepStatus.Completed);
                MarkFailed(index < 0 ? Record.Steps.Count - 1 : index, $"the run broke: {e.Message}");
            }
        }
    }

    private async Task Advance()
    {
        if (_unsaved)
            await Save();
        while (!Record.IsFinished)
        {
            var index = Record.Steps.FindIndex(s => s.Status != ChainStepStatus.Completed);
            if (index < 0)
            {
                Record.Output = await steps.OutputOf(Record.Steps[^1], Record.Steps.Count - 1);
                MarkEnded(ChainRunStatus.Completed);
                await Save();
                break;
            }
            await RunStep(index);
        }
        await Ended();
    }

    private async Task RunStep(int index)
    {
        var step = Record.Steps[index];
        var definition = Request.Steps[index];
        Func<Task<byte[]>> input = () => index == 0 ? Task.FromResult(Request.Input) : steps.OutputOf(Record.Steps[index - 1], index - 1);
        if (step.Status == ChainStepStatus.Pending)
        {
            // Read before the step starts, so that a previous output too large to join fails the run there.
            var bytes = await input();
            input = () => Task.FromResult(bytes);
            step.Status = ChainStepStatus.Running;
            step.StartedAt = clock.GetUtcNow();
            if (definition.FanOut is null)
                step.TaskId = Guid.NewGuid();
            else
                step.BatchId = Guid.NewGuid();
            await Save();
        }

        var outcome = step.TaskId is { } taskId
            ? await steps.RunTask(definition, taskId, input)
            : await steps.RunBatch(definition, step.BatchId!.Value, input);

        step.FinishedAt = clock.GetUtcNow();
        if (outcome is null)
        {
            // Nothing to fan out over: the step completes with no output, and no batch was made.
            step.BatchId = null;
            step.Status = ChainStepStatus.Completed;
            await Save();
            return;
        }

        step.FunctionVersion = outcome.FunctionVersion;
        if (outcome.Refused)
            (step.TaskId, step.BatchId) = (null, null);
        if (outcome.Succeeded)
        {
            step.Status = ChainStepStatus.Completed;
            await Save();
            return;
        }

        (step.Status, step.FailureReason, step.Error) = (ChainStepStatus.Failed, outcome.FailureReason, outcome.Error);
        MarkFailed(index, $"{outcome.FailureReason}: {outcome.Error}");
        await Save();
    }

    private void MarkFailed(int index, string why)
    {
        Record.FailedStep = index;
        Record.Error = $"step {index} ({Request.Steps[index].Function}) failed: {why}";
        MarkEnded(ChainRunStatus.Failed);
    }

    private void MarkEnded(ChainRunStatus status)
    {
        Record.Status = status;
        Record.FinishedAt = clock.GetUtcNow();
        if (Request.CallbackUrl is { } url)
            Record.Callback = CallbackStatus.Pending(url, Record.FinishedAt.Value + callbackOptions.Value.RetryFor);
        _unsaved = true;
    }

    /// <summary>Once the end is stored: tell the waiters, schedule the expiry, deliver the callback.</summary>
    private async Task Ended()
    {
        if (_ended)
            return;
        _ended = true;
        if (Record.Error is { } error)
            LogFailed(Id, Request.Chain, error);
        else
            LogCompleted(Id, Request.Chain, Request.Steps.Length);
        _finished.TrySetResult();
        expiry.Schedule(this.GetGrainId(), Record.FinishedAt!.Value);
        await DisarmWakeUp();
        await outbox.Start(this);
    }

    /// <summary>Stores the run; only once it is stored do readers see the change.</summary>
    private async Task Save()
    {
        _unsaved = true;
        await state.WriteStateAsync();
        _unsaved = false;
        _stored = Stored();
    }

    /// <summary>Best effort: a reminder left behind finds the run finished at its next tick and removes itself then.</summary>
    private Task DisarmWakeUp() => this.TryUnregister(WakeUpName, logger);

    private ChainRunSnapshot? Stored() => Record.Request is not { } request
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

    byte[] ICallbackOwner.CallbackBody() => JsonSerializer.SerializeToUtf8Bytes(ChainRunResponse.From(_stored!), FaasJson.Options);

    // Once the run ended its own loop writes no more, so the delivery's saves have the state to themselves.
    async Task ICallbackOwner.SaveCallback(CallbackStatus status)
    {
        Record.Callback = status;
        await Save();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain run {RunId} resumed on silo {Silo} after {Completed} completed steps")]
    private partial void LogResumed(Guid runId, int completed, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain run {RunId} of {Chain} COMPLETED its {Steps} steps")]
    private partial void LogCompleted(Guid runId, string chain, int steps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain run {RunId} of {Chain} FAILED: {Error}")]
    private partial void LogFailed(Guid runId, string chain, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain run {RunId}: the cluster did not answer; its reminder carries it on")]
    private partial void LogStalled(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chain run {RunId} broke while it ran")]
    private partial void LogBroke(Exception exception, Guid runId);
}
