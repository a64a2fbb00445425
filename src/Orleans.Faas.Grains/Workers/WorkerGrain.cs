using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;
using Orleans.Faas.Telemetry;

namespace Orleans.Faas.Workers;

/// <summary>
/// Runs assignments on this node with a bounded number of slots and a FIFO behind them.
/// Reentrant so that a long run never blocks the next Enqueue; all state changes happen between awaits.
/// </summary>
[Reentrant, KeepAlive, ProviderSiloPlacement]
public sealed partial class WorkerGrain(
    IEnumerable<IFunctionRunner> runners,
    IOptions<WorkerOptions> options,
    FaasMetrics metrics,
    ILogger<WorkerGrain> logger)
    : Grain, IWorkerGrain
{
    private readonly Dictionary<FunctionRuntime, IFunctionRunner> _runners = runners.ToDictionary(r => r.Runtime);
    private readonly Queue<TaskAssignment> _waiting = new();
    private readonly HashSet<TaskAttempt> _held = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _slots = options.Value.EffectiveSlots;
    private int _running;

    private string ProviderId => this.GetPrimaryKeyString();

    private ProviderLoad Load => new(_running, _waiting.Count, _slots);

    public async Task<ProviderLoad> Enqueue(TaskAssignment assignment)
    {
        _held.Add(new TaskAttempt(assignment.TaskId, assignment.Attempt));
        _waiting.Enqueue(assignment);
        StartWhatFits();
        await ReportLoad();
        return Load;
    }

    public Task<ProviderLoad> GetLoad() => Task.FromResult(Load);

    public Task<bool> Holds(TaskAttempt attempt) => Task.FromResult(_held.Contains(attempt));

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private void StartWhatFits()
    {
        while (_running < _slots && _waiting.TryDequeue(out var next))
        {
            _running++;
            _ = RunThenStartNext(next);
        }
    }

    private async Task RunThenStartNext(TaskAssignment assignment)
    {
        try
        {
            await Run(assignment);
        }
        catch (Exception e)
        {
            LogRunFailed(e, assignment.TaskId, assignment.Attempt);
        }
        finally
        {
            _held.Remove(new TaskAttempt(assignment.TaskId, assignment.Attempt));
            _running--;
            StartWhatFits();
            await ReportLoad();
        }
    }

    private async Task Run(TaskAssignment assignment)
    {
        // The task grain may have lived on a silo that just died; its reports must wait for it to come back elsewhere.
        var task = GrainFactory.GetGrain<ITaskGrain>(assignment.TaskId);
        if (!await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await task.TryStart(assignment.Attempt, ProviderId)))
            return;

        var definition = assignment.Function.Definition;
        if (!_runners.TryGetValue(definition.Runtime, out var runner))
        {
            await Report(() => task.Fail(assignment.Attempt, FailureReasons.StartFailed, $"Provider '{ProviderId}' has no {definition.Runtime.ToString().ToLowerInvariant()} runtime."));
            return;
        }

        ExecutionOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(definition, assignment.Input, _stopping.Token);
        }
        catch (FunctionStartException e)
        {
            await Report(() => task.Fail(assignment.Attempt, e.RuntimeUnreachable ? FailureReasons.RuntimeUnavailable : FailureReasons.StartFailed, e.Message));
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRunnerBroke(e, assignment.TaskId, assignment.Attempt);
            await Report(() => task.Fail(assignment.Attempt, FailureReasons.RunnerError, e.Message));
            return;
        }

        await Report(() => task.Finish(assignment.Attempt, outcome));
    }

    private static async Task Report(Func<Task> call) => await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await call());

    private async Task ReportLoad()
    {
        metrics.WorkerLoad(ProviderId, Load);
        try
        {
            await GrainFactory.GetGrain<IProviderGrain>(ProviderId).ReportLoad(Load);
        }
        catch (Exception e)
        {
            LogLoadReportFailed(e, ProviderId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} attempt {Attempt} could not be run or reported")]
    private partial void LogRunFailed(Exception exception, Guid taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} attempt {Attempt}: the runner failed mid-run")]
    private partial void LogRunnerBroke(Exception exception, Guid taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId}: the load report did not arrive")]
    private partial void LogLoadReportFailed(Exception exception, string providerId);
}
