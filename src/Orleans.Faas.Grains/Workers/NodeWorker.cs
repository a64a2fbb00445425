using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Resilience;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using Orleans.Faas.Telemetry;

namespace Orleans.Faas.Workers;

/// <summary>
/// This node's execution slots and the bounded FIFO behind them, one per silo for the silo's lifetime. It lives outside
/// the worker grain so that nothing queued or running is lost when Orleans deactivates or re-creates that grain (it
/// does, e.g. when the silo holding its directory entry dies). A stopping silo closes it first (<see cref="Close"/>).
/// </summary>
public sealed partial class NodeWorker(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IEnumerable<IFunctionRunner> runners,
    NodeCode code,
    IOptions<WorkerOptions> options,
    FaasMetrics metrics,
    ILogger<NodeWorker> logger)
    : IDisposable
{
    private static readonly TimeSpan CancelPatience = TimeSpan.FromSeconds(20);

    /// <summary>What every log line about a run carries: its task and, when traces are exported, the task's trace.</summary>
    private static readonly Func<ILogger, Guid, string?, IDisposable?> TaskScope = LoggerMessage.DefineScope<Guid, string?>("Task {TaskId}, trace {TraceId}");

    private readonly Lock _lock = new();
    private readonly Dictionary<FunctionRuntime, IFunctionRunner> _runners = runners.ToDictionary(r => r.Runtime);
    private readonly Queue<Waiting> _waiting = new();
    private readonly HashSet<TaskAttempt> _held = [];
    private readonly RunningAttempts _runs = new();
    private readonly Dictionary<TaskAttempt, (TaskAssignment Assignment, DateTimeOffset Since, long StartedAt)> _started = [];
    private readonly ColdStartCost _coldStarts = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _slots = options.Value.EffectiveSlots;
    private readonly int _maxQueued = options.Value.EffectiveMaxQueued;
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private bool _closing;

    /// <summary>
    /// The provider's copy of the load: it is replaced by the next report, so reports never queue up behind each other.
    /// Made at the first admission, before its run begins, so that a runner's own changes to its warm state (a prewarm,
    /// an expiry, which only follow a run) are reported too.
    /// </summary>
    private LatestOnly LoadReports => LazyInitializer.EnsureInitialized(ref _loadReports, ref _loadReportsLock, () =>
    {
        var reports = new LatestOnly(ReportLoad, logger);
        foreach (var runner in _runners.Values)
            runner.IdleWarmChanged += reports.Ask;
        return reports;
    });

    private LatestOnly? _loadReports;
    private object? _loadReportsLock;

    /// <summary>The provider id is the silo's name.</summary>
    private string ProviderId => silo.Name;

    /// <summary>What is running and waiting here, the predicted work still ahead, the idle warm containers and the recent cold-start cost.</summary>
    public ProviderLoad Load
    {
        get
        {
            var idleWarm = _runners.Values.SelectMany(r => r.IdleByVersion())
                .GroupBy(idle => idle.Key)
                .ToImmutableDictionary(g => g.Key, g => g.Sum(idle => idle.Value));
            lock (_lock)
                return new(_running, _waiting.Count, _slots, PendingMs(), idleWarm, _coldStarts.Ms, _maxQueued);
        }
    }

    /// <summary>How this node keeps each function's containers warm, by function name; asked for when read, not reported with the load.</summary>
    public ImmutableDictionary<string, KeepAliveDecision> KeepAlive() =>
        _runners.Values.SelectMany(r => r.KeepAliveByFunction()).DistinctBy(d => d.Key).ToImmutableDictionary();

    /// <summary>
    /// Takes the attempt unless every slot is busy and the queue is at its limit; then it keeps nothing. An attempt a
    /// free slot takes at once says so (<see cref="Admission.StartedWith"/>), so that its task stores it as started with
    /// its placement, in one write.
    /// </summary>
    public Admission Enqueue(TaskAssignment assignment)
    {
        double? refusedFor = null;
        List<(Waiting Next, ProviderLoad LoadAtStart)> starting = [];
        lock (_lock)
        {
            // Placement skips a provider whose silo is going away and tries the next one.
            if (_closing)
                throw new ProviderSiloUnavailableException(ProviderId);
            if (_running + _waiting.Count >= _slots + _maxQueued)
                refusedFor = SecondsUntilAPlaceFrees();
            // The same attempt offered again (its task sent its submission again after a silo loss) is kept once.
            else if (_held.Add(new TaskAttempt(assignment.TaskId, assignment.Attempt)))
            {
                _waiting.Enqueue(new Waiting(assignment, DateTimeOffset.UtcNow));
                // Under the same lock, so that the slot the attempt takes here cannot go to another first.
                starting = TakeWhatFits();
            }
        }
        if (refusedFor is { } wait)
        {
            metrics.AssignmentRefused(ProviderId);
            return new Admission(false, Load, wait);
        }
        // The scheduler has the load from our answer; the provider's copy need not hold up the placement.
        LoadReports.Ask();
        Begin(starting);
        var startedWith = starting.Where(s => ReferenceEquals(s.Next.Assignment, assignment)).Select(s => (ProviderLoad?)s.LoadAtStart).FirstOrDefault();
        return new Admission(true, Load, StartedWith: startedWith);
    }

    public bool Holds(TaskAttempt attempt)
    {
        lock (_lock)
            return _held.Contains(attempt);
    }

    /// <summary>What runs here, then what waits here in queue order.</summary>
    public ImmutableArray<HeldAttempt> Held()
    {
        lock (_lock)
            return [.. _started.Values.Select(r => HeldOf(r.Assignment, true, r.Since)), .. _waiting.Select(w => HeldOf(w.Assignment, false, w.Since))];
    }

    private static HeldAttempt HeldOf(TaskAssignment assignment, bool running, DateTimeOffset since) =>
        new(assignment.TaskId, assignment.Attempt, assignment.Function.Definition.Name, assignment.Function.Version, running, since);

    /// <summary>
    /// Stops the attempt if it runs here and waits up to <see cref="CancelPatience"/> for its run to end (its container
    /// removed, its process killed); past that it throws <see cref="TimeoutException"/> while the run goes on stopping.
    /// A queued attempt needs nothing: its task, already cancelled, refuses to start.
    /// </summary>
    public Task Cancel(TaskAttempt attempt) => _runs.Stop(attempt, CancelPatience);

    /// <summary>
    /// The silo is stopping: take no more work, hand every queued attempt back to its task to be placed elsewhere, and
    /// let what runs finish for up to <paramref name="grace"/>. What still runs after that is stopped by <see cref="Dispose"/>.
    /// </summary>
    public async Task Close(TimeSpan grace)
    {
        TaskAssignment[] queued;
        lock (_lock)
        {
            _closing = true;
            queued = [.. _waiting.Select(w => w.Assignment)];
            _waiting.Clear();
            foreach (var assignment in queued)
                _held.Remove(new TaskAttempt(assignment.TaskId, assignment.Attempt));
            if (_running == 0)
                _idle.TrySetResult();
        }
        LogClosing(ProviderId, queued.Length, _running, grace.TotalSeconds);
        await Task.WhenAll(queued.Select(HandBack));
        try
        {
            await _idle.Task.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            LogGraceOver(ProviderId, _running);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _loadReports?.Dispose();
    }

    private async Task HandBack(TaskAssignment assignment)
    {
        try
        {
            await Report(() => grains.GetGrain<ITaskGrain>(assignment.TaskId).HandBack(assignment.Attempt));
        }
        catch (Exception e)
        {
            // The task's watchdog finds the attempt gone from this node and places it again.
            LogHandBackFailed(e, assignment.TaskId, assignment.Attempt);
        }
    }

    /// <summary>Removes the function's idle warm state from every runner of this node.</summary>
    public async Task<int> RemoveIdle(string function) =>
        (await Task.WhenAll(_runners.Values.Select(r => r.RemoveIdleAsync(function, _stopping.Token)))).Sum();

    /// <summary>Checks the definition's code on this node's runner for its runtime, outside the slots: it only compiles or deserializes.</summary>
    public async Task<ImmutableDictionary<string, string[]>> CheckCode(FunctionDefinition definition)
    {
        var runtime = definition.Runtime.ToString().ToLowerInvariant();
        if (!_runners.TryGetValue(definition.Runtime, out var runner))
            throw new NoProviderAvailableException(definition.Runtime, $"Provider '{ProviderId}' has no {runtime} runtime to check the code on.");
        try
        {
            return await runner.CheckAsync(definition, _stopping.Token);
        }
        catch (FunctionStartException e)
        {
            throw new NoProviderAvailableException(definition.Runtime, $"Provider '{ProviderId}' could not check the code: {e.Message}");
        }
    }

    /// <summary>Called under the lock: what queued tasks were predicted to take, plus what is left of the running ones' predictions.</summary>
    private double PendingMs() =>
        _waiting.Sum(w => w.Assignment.PredictedMs) + _started.Values.Sum(r => Math.Max(0, r.Assignment.PredictedMs - Stopwatch.GetElapsedTime(r.StartedAt).TotalMilliseconds));

    /// <summary>
    /// Called under the lock: when the first running attempt is predicted to end, letting a queued one start and so
    /// freeing a place in the queue; at least a second, as a run past its prediction may end at any moment.
    /// </summary>
    private double SecondsUntilAPlaceFrees()
    {
        var soonestMs = _started.Values.Select(r => r.Assignment.PredictedMs - Stopwatch.GetElapsedTime(r.StartedAt).TotalMilliseconds).DefaultIfEmpty(0).Min();
        return Math.Max(1, soonestMs / 1000);
    }

    private void StartWhatFits()
    {
        List<(Waiting Next, ProviderLoad LoadAtStart)> starting;
        lock (_lock)
            starting = TakeWhatFits();
        Begin(starting);
    }

    /// <summary>Called under the lock: gives free slots to the oldest waiting attempts, each with the load as it took its slot.</summary>
    private List<(Waiting Next, ProviderLoad LoadAtStart)> TakeWhatFits()
    {
        var starting = new List<(Waiting, ProviderLoad)>();
        while (_running < _slots && _waiting.TryDequeue(out var next))
        {
            starting.Add((next, new ProviderLoad(_running, _waiting.Count, _slots)));
            _started[new TaskAttempt(next.Assignment.TaskId, next.Assignment.Attempt)] = (next.Assignment, DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
            _running++;
        }
        return starting;
    }

    private void Begin(List<(Waiting Next, ProviderLoad LoadAtStart)> starting)
    {
        foreach (var (next, loadAtStart) in starting)
            _ = Task.Run(() => RunThenStartNext(next, loadAtStart));
    }

    private async Task RunThenStartNext(Waiting started, ProviderLoad loadAtStart)
    {
        var assignment = started.Assignment;
        using var scope = TaskScope(logger, assignment.TaskId, FaasTracing.TraceIdOf(assignment.TraceParent));
        // Recorded once it is over: from the assignment's arrival to a slot taking it.
        FaasTracing.StartUnder(FaasTracing.QueueWait, assignment.TraceParent, started.Since)?.Dispose();
        try
        {
            await Run(assignment, loadAtStart);
        }
        catch (OperationCanceledException)
        {
            LogRunStopped(assignment.TaskId, assignment.Attempt);
        }
        catch (Exception e)
        {
            LogRunFailed(e, assignment.TaskId, assignment.Attempt);
        }
        finally
        {
            lock (_lock)
            {
                _held.Remove(new TaskAttempt(assignment.TaskId, assignment.Attempt));
                _started.Remove(new TaskAttempt(assignment.TaskId, assignment.Attempt));
                _running--;
                if (_closing && _running == 0)
                    _idle.TrySetResult();
            }
            StartWhatFits();
            LoadReports.Ask();
        }
    }

    private async Task Run(TaskAssignment assignment, ProviderLoad loadAtStart)
    {
        using var span = FaasTracing.StartUnder(FaasTracing.Run, assignment.TraceParent)?
            .SetTag("faas.task_id", assignment.TaskId.ToString()).SetTag("faas.attempt", assignment.Attempt)
            .SetTag("faas.provider", ProviderId).SetTag("faas.function", assignment.Function.Definition.Name);
        // Registered before the task is asked, so that a cancel from the moment it says yes stops the run, begun or not.
        using var run = _runs.Register(new TaskAttempt(assignment.TaskId, assignment.Attempt), _stopping.Token);
        // The task grain may have lived on a silo that just died, or be unable to store for a while; its reports wait.
        var task = grains.GetGrain<ITaskGrain>(assignment.TaskId);
        if (!await ClusterCalls.ThroughOutage.ExecuteAsync(async _ => await task.TryStart(assignment.Attempt, ProviderId, loadAtStart)))
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
            outcome = await run.Start(async cancel => await runner.RunAsync(await code.Complete(definition, assignment.Code), assignment.Input, assignment.CacheWays, cancel));
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

        if (outcome.Conditions is { ContainerMs: { } containerMs } conditions)
        {
            metrics.ContainerAcquired(definition.Name, ProviderId, conditions.Cold);
            if (conditions.Cold)
                _coldStarts.Add(containerMs);
        }
        await Report(() => task.Finish(assignment.Attempt, outcome));
    }

    private static async Task Report(Func<Task> call) => await ClusterCalls.ThroughOutage.ExecuteAsync(async _ => await call());

    private async Task ReportLoad()
    {
        var load = Load;
        metrics.WorkerLoad(ProviderId, load);
        try
        {
            await grains.GetGrain<IProviderGrain>(ProviderId).ReportLoad(load);
        }
        catch (Exception e)
        {
            LogLoadReportFailed(e, ProviderId);
        }
    }

    /// <summary>An attempt waiting for a slot, since it arrived.</summary>
    private readonly record struct Waiting(TaskAssignment Assignment, DateTimeOffset Since);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} attempt {Attempt} was stopped (cancelled, or the silo is stopping)")]
    private partial void LogRunStopped(Guid taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} attempt {Attempt} could not be run or reported")]
    private partial void LogRunFailed(Exception exception, Guid taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} attempt {Attempt}: the runner failed mid-run")]
    private partial void LogRunnerBroke(Exception exception, Guid taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {ProviderId} is stopping: it takes no more work, hands back {Queued} queued tasks and gives its {Running} running ones up to {GraceSeconds} s")]
    private partial void LogClosing(string providerId, int queued, int running, double graceSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId}: {Running} tasks still run after the stop grace; they are stopped and placed again elsewhere")]
    private partial void LogGraceOver(string providerId, int running);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} attempt {Attempt} could not be handed back; its watchdog will place it again")]
    private partial void LogHandBackFailed(Exception exception, Guid taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId}: the load report did not arrive")]
    private partial void LogLoadReportFailed(Exception exception, string providerId);
}
