using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Tasks;
using Orleans.Faas.Telemetry;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// One benchmark job. It runs in the background of its activation, step by step, each run a pinned task, and always
/// ends FINISHED or FAILED after a CLEANUP that removes the warm containers it made; then it gives the slot back and
/// calls back. A job whose silo stopped or died is found unfinished by its next activation, which ends it as FAILED.
/// </summary>
public sealed partial class BenchmarkGrain(
    [PersistentState("benchmark", FaasStorage.Name)] IPersistentState<BenchmarkRecord> state,
    BenchmarkPlanner planner,
    BenchmarkRuns runs,
    BenchmarkCallbacks callbacks,
    ILocalSiloDetails silo,
    TimeProvider clock,
    FaasMetrics metrics,
    ILogger<BenchmarkGrain> logger)
    : Grain, IBenchmarkGrain
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _cancel = new();
    private string? _cancelledBecause;
    private string? _externalResult;
    private Task _running = Task.CompletedTask;

    private Guid Id => this.GetPrimaryKey();

    private BenchmarkRecord Record => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Record.Request is not null && !Record.IsFinished)
            _running = Interrupted($"it was interrupted: the silo running it ({Record.Host}) stopped or died");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_running.IsCompleted)
            return;
        Stop($"the silo running it stopped ({reason.Description})");
        try
        {
            await _running.WaitAsync(StopPatience, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Unfinished, it stays stored as such; its next activation ends it.
        }
    }

    public async Task<BenchmarkSnapshot> Start(BenchmarkRequest request)
    {
        if (Record.Request is not null)
            throw new InvalidOperationException($"Benchmark '{Id}' was already started.");
        var steps = await planner.Plan(Id, request);

        Record.Request = request with { Samples = ImmutableDictionary<long, byte[]>.Empty };
        Record.Status = BenchmarkStatus.Queued;
        Record.CreatedAt = clock.GetUtcNow();
        Record.Total = steps.Count * (request.Repetitions + 1);
        Record.Cleanup = [.. steps.Select(s => new CleanupTarget(s.Provider, s.Function.Definition.Name)).Distinct()];
        await state.WriteStateAsync();

        // Kept active for as long as the job may run: nothing calls it while it works.
        DelayDeactivation(request.Timeout + StopPatience);
        _cancel.CancelAfter(request.Timeout);
        _running = Run(steps, request);
        return Snapshot()!;
    }

    public async Task<BenchmarkSnapshot?> Cancel()
    {
        if (Record.Request is null)
            return null;
        if (Record.IsFinished)
            throw new BenchmarkAlreadyFinishedException(Id, Record.Status);
        Stop("it was cancelled by a caller");
        await _running;
        return Snapshot();
    }

    public async Task<BenchmarkSnapshot?> SetResult(string json)
    {
        if (Record.Request is null)
            return null;
        if (Record.IsFinished)
            throw new BenchmarkAlreadyFinishedException(Id, Record.Status);
        // A job already being stopped (cancelled, or past its timeout) ends as that, not with this result.
        if (!_cancel.IsCancellationRequested)
            _externalResult = json;
        Stop("its result was set from outside");
        await _running;
        return Snapshot();
    }

    public Task<BenchmarkSnapshot?> GetSnapshot() => Task.FromResult(Snapshot());

    private void Stop(string because)
    {
        _cancelledBecause ??= because;
        _cancel.Cancel();
    }

    private async Task Run(IReadOnlyList<BenchmarkStep> steps, BenchmarkRequest request)
    {
        string? error = null;
        try
        {
            Record.Status = BenchmarkStatus.Running;
            Record.StartedAt = clock.GetUtcNow();
            Record.Host = silo.Name;
            await state.WriteStateAsync();
            metrics.BenchmarkRunning(Id);
            LogStarted(Id, request.Kind, request.Trigger, steps.Count, silo.Name);

            var stats = await runs.Measure(steps, request.Repetitions, RememberTask, CountRun, _cancel.Token);
            var results = steps.Zip(stats, (step, s) => new BenchmarkMeasurement(step.Provider, step.Workload, step.InputSize, s, step.CacheWays)).ToList();
            Record.Results = [.. results];
            await BenchmarkResults.Keep(GrainFactory, Id, request, results, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested && _externalResult is not null)
        {
            // Ended by the result a caller set: a finished job, whose runs so far are not a measurement.
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            error = $"The benchmark was stopped: {_cancelledBecause ?? $"it ran past its timeout of {request.Timeout.TotalSeconds:0.###} s"}.";
        }
        catch (BenchmarkStepFailedException e)
        {
            error = e.Message;
        }
        catch (Exception e)
        {
            // Whatever broke, the job still cleans up and ends.
            LogBroke(e, Id);
            error = $"The benchmark broke: {e.Message}";
        }
        await End(error);
    }

    /// <summary>The job was found unfinished by a new activation: what it ran is stopped, and it ends as FAILED.</summary>
    private async Task Interrupted(string why)
    {
        if (Record.CurrentTask is { } task)
            await BenchmarkRuns.StopQuietly(GrainFactory.GetGrain<ITaskGrain>(task));
        await End($"The benchmark was stopped: {why}.");
    }

    private async Task End(string? error)
    {
        Record.Status = BenchmarkStatus.Cleanup;
        Record.CurrentTask = null;
        await state.WriteStateAsync();
        await RemoveWarmContainers();

        Record.Status = error is null ? BenchmarkStatus.Finished : BenchmarkStatus.Failed;
        Record.Error = error;
        Record.ExternalResult = error is null ? _externalResult : null;
        Record.FinishedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        metrics.BenchmarkEnded(Id, Record.Status);
        if (error is not null)
            LogFailed(Id, error);
        else
            LogFinished(Id, Record.ExternalResult is null ? $"all {Record.Results.Length} steps measured" : "its result was set from outside");
        await GrainFactory.GetGrain<IBenchmarkSlotGrain>(IBenchmarkSlotGrain.ClusterKey).Release(Id);

        if (Record.Request!.CallbackUrl is { } url)
        {
            Record.Callback = await callbacks.Deliver(url, Snapshot()!);
            await state.WriteStateAsync();
            if (Record.Callback != BenchmarkCallbacks.Delivered)
                LogCallbackGaveUp(Id, url, Record.Callback);
        }
    }

    /// <summary>Every run of the job has ended by now, so what is left of it is idle; an unreachable node sweeps its own at restart.</summary>
    private async Task RemoveWarmContainers()
    {
        foreach (var target in Record.Cleanup)
        {
            try
            {
                await GrainFactory.GetGrain<IWorkerGrain>(target.Provider).RemoveIdle(target.Function);
            }
            catch (Exception e) when (e is ProviderSiloUnavailableException or OrleansException or TimeoutException)
            {
                LogCleanupSkipped(e, Id, target.Provider);
            }
        }
    }

    private async Task RememberTask(Guid task)
    {
        Record.CurrentTask = task;
        await state.WriteStateAsync();
    }

    private async Task CountRun()
    {
        Record.Done = Math.Min(Record.Total, Record.Done + 1);
        await state.WriteStateAsync();
    }

    private BenchmarkSnapshot? Snapshot() => Record.Request is not { } request
        ? null
        : new BenchmarkSnapshot(Id, request, Record.Status, Record.Done, Record.Total, Record.CreatedAt, Record.StartedAt, Record.FinishedAt,
            Record.Host, Record.Error, Record.Results, Record.Callback, Record.ExternalResult);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark {BenchmarkId} ({Kind}, asked by {Trigger}) started: {Steps} steps on silo {Silo}")]
    private partial void LogStarted(Guid benchmarkId, BenchmarkKind kind, string trigger, int steps, string silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Benchmark {BenchmarkId} broke while it ran")]
    private partial void LogBroke(Exception exception, Guid benchmarkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark {BenchmarkId} FINISHED: {How}")]
    private partial void LogFinished(Guid benchmarkId, string how);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark {BenchmarkId} FAILED: {Error}")]
    private partial void LogFailed(Guid benchmarkId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark {BenchmarkId}: its callback to {Url} {Outcome}")]
    private partial void LogCallbackGaveUp(Guid benchmarkId, string url, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark {BenchmarkId}: provider {Provider} could not be asked to remove its warm containers; it removes them when it starts again")]
    private partial void LogCleanupSkipped(Exception exception, Guid benchmarkId, string provider);
}
