using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Agent;
using Orleans.Faas.Runtime.Cache;
using Orleans.Faas.Runtime.Cache.Allocation;
using Orleans.Faas.Runtime.KeepAlive;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Runtime.Secrets;
using Orleans.Faas.Tasks;
using Orleans.Faas.Telemetry;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Runs each attempt through the agent of an isolated container on this node's engine. A finished container goes back
/// to the warm pool of its function version, so the next invocation skips create and start; a timed-out, cancelled or
/// broken one is removed at once, and idle ones are removed after their function's keep-alive. A function whose next
/// run the idle times predict no sooner than its prewarm window gets a new container started then instead of keeping
/// the old one (<see cref="KeepAlivePolicy"/>). Where the node has resctrl,
/// a run that needs cache ways holds its container in a resctrl group of its own for the run.
/// </summary>
public sealed partial class DockerRunner : IFunctionRunner, IAsyncDisposable
{
    /// <summary>Label on every container this runner creates, valued with the function's name, so ours can be listed and cleaned up.</summary>
    public const string FunctionLabel = "orleans.faas.function";

    /// <summary>Label valued with the node's name, so a restarted node can remove what its previous process left.</summary>
    public const string NodeLabel = "orleans.faas.node";

    private readonly DockerOptions _options;
    private readonly RunnerOptions _runnerOptions;
    private readonly WarmPool _pool;
    private readonly IdleTimes _idleTimes;
    private readonly KeepAliveOptions _keepAlive;
    private readonly Prewarms _prewarms = new();
    private readonly ColdStartCost _starts = new();
    private readonly TimeProvider _time;
    private readonly DockerClient _client;
    private readonly FunctionImages _images;
    private readonly CacheCounterSupport _cacheCounters;
    private readonly ResctrlCacheAllocation _cacheAllocation;
    private readonly ISecretValues _secrets;
    private readonly ILogger<DockerRunner> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _reapEvery;
    private readonly Task _reaping;
    private readonly BackgroundWork _background = new();
    private readonly NodeFolders _folders;
    private int _disposed;

    public DockerRunner(
        IOptions<DockerOptions> docker,
        IOptions<RunnerOptions> options,
        IOptions<WarmPoolOptions> pool,
        IOptions<KeepAliveOptions> keepAlive,
        CacheCounterSupport cacheCounters,
        ResctrlCacheAllocation cacheAllocation,
        ISecretValues secrets,
        TimeProvider time,
        ILogger<DockerRunner> logger)
    {
        _options = docker.Value;
        _runnerOptions = options.Value;
        // What the runtime may use of the node's memory, its cgroup's limit included.
        _pool = new WarmPool(pool.Value, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, time);
        _idleTimes = new IdleTimes(keepAlive.Value, pool.Value.IdleTimeout, time);
        _keepAlive = keepAlive.Value;
        _time = time;
        _client = new DockerClientConfiguration(new Uri(_options.Endpoint)).CreateClient();
        _images = new FunctionImages(_client, _options);
        _cacheCounters = cacheCounters;
        _cacheAllocation = cacheAllocation;
        _secrets = secrets;
        _logger = logger;
        _folders = NodeFolders.Take(_options);
        // A quarter of the shortest window a container is kept for or a prewarm waits, so neither ends much late.
        _reapEvery = TimeSpan.FromTicks(Math.Clamp(Min(pool.Value.IdleTimeout, keepAlive.Value.BinWidth).Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(30).Ticks));
        _reaping = ReapIdleAsync(_stopping.Token);
    }

    public FunctionRuntime Runtime => FunctionRuntime.Docker;

    /// <summary>Idle warm containers of the function's current definition.</summary>
    public int IdleContainers(FunctionDefinition function) => _pool.IdleCount(WarmPoolKey.Of(function));

    public IReadOnlyDictionary<string, int> IdleByVersion() => _pool.IdleByVersion();

    public event Action? IdleWarmChanged;

    public IReadOnlyDictionary<string, KeepAliveDecision> KeepAliveByFunction() => _idleTimes.Decisions();

    public Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, CancellationToken cancellationToken) =>
        RunAsync(function, input, cacheWays: null, cancellationToken);

    /// <remarks>
    /// The wall time is the run itself, from the request to the agent to its report. Getting the container (renting a
    /// warm one, or preparing the image, creating and starting a new one) and moving it into its cache group is the
    /// conditions' container time; for a new container that includes waiting for its agent to connect, the part of
    /// starting that StartTimeout bounds. Removing the container and its cache group afterwards is in neither. The
    /// function's timeout bounds the wall time only, so a slow cold start does not use up its run's time.
    /// </remarks>
    public async Task<ExecutionOutcome> RunAsync(FunctionDefinition function, ReadOnlyMemory<byte> input, int? cacheWays, CancellationToken cancellationToken)
    {
        var key = function.KeepWarm && _pool.Enabled ? WarmPoolKey.Of(function) : null;
        var clock = new RunClock();
        // Read for every run, so a warm container gets a value replaced since its last run.
        var secrets = function.Secrets.IsEmpty ? null : await _secrets.ReadAsync(function, cancellationToken);
        _idleTimes.Started(function.Name);
        if (key is not null)
            _prewarms.Cancel(key);
        try
        {
            while (true)
            {
                var (container, cold) = await GetContainerAsync(key, function, cancellationToken);
                var capture = new RunCapture(_runnerOptions);
                try
                {
                    var outcome = await RunInAsync(container, cold, key, function, cacheWays, secrets, input, capture, clock, cancellationToken);
                    if (outcome.Conditions is { Cold: true, ContainerMs: { } startMs })
                        _starts.Add(startMs);
                    return outcome;
                }
                catch (AgentLostException e) when (!cold && e.BeforeRequest)
                {
                    // An idle container died (e.g. someone removed it); the run never reached it, so a fresh one takes over.
                    LogWarmContainerLost(container.ShortId, function.Name, e.Message);
                }
            }
        }
        finally
        {
            _idleTimes.Ended(function.Name);
        }
    }

    /// <remarks>Safe to call twice: the container disposes this runner both as itself and as an <see cref="IFunctionRunner"/>.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stopping.CancelAsync();
        await _reaping;
        await _background.WhenAll();
        await Task.WhenAll(_pool.TakeAll().Select(DestroyAsync));
        _client.Dispose();
        _stopping.Dispose();
        _folders.Dispose();
    }

    /// <summary>Removes the idle warm containers of every version of the function; running ones finish and may go back to the pool.</summary>
    public async Task<int> RemoveIdleAsync(string function, CancellationToken cancellationToken)
    {
        _prewarms.CancelAllOf(function);
        var idle = _pool.TakeAllOf(function);
        await Task.WhenAll(idle.Select(DestroyAsync));
        return idle.Count;
    }

    /// <summary>Removes the containers a previous process of this node left behind (after a crash, its warm pool).</summary>
    public async Task<int> RemoveLeftoversAsync(CancellationToken cancellationToken)
    {
        var leftovers = await _client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{NodeLabel}={_options.Node}"] = true } },
        }, cancellationToken);
        foreach (var leftover in leftovers)
            await _client.Containers.RemoveContainerAsync(leftover.ID, new ContainerRemoveParameters { Force = true }, cancellationToken);
        return leftovers.Count;
    }

    private async Task<ExecutionOutcome> RunInAsync(
        FunctionContainer container, bool cold, WarmPoolKey? key, FunctionDefinition function, int? cacheWays,
        IReadOnlyDictionary<string, byte[]>? secrets, ReadOnlyMemory<byte> input, RunCapture capture, RunClock clock, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var quota = ContainerBlueprint.CpuQuota(function, _options);
        var cache = RunCacheShare.None;
        ContainerRun run;
        try
        {
            if (secrets is not null)
                await container.Secrets!.WriteAsync(secrets, deadline.Token);
            await container.WaitForAgentAsync(_options.StartTimeout, deadline.Token);
            // Now its agent waits for the request, so every thread the run will have is there to be moved, or born from one that was.
            cache = await RunCacheShare.TakeAsync(_cacheAllocation, cacheWays, container.CgroupFolderAsync, deadline.Token);
            clock.AgentAnswered();
            // The function's timeout is its run's: a cold start before it is bounded by StartTimeout instead.
            deadline.CancelAfter(function.Timeout);
            run = await container.InvokeAsync(input, capture.Stdout, capture.Stderr, deadline.Token);
            clock.Stop();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            clock.Stop();
            await DestroyAsync(container);
            cancellationToken.ThrowIfCancellationRequested();
            LogTimedOut(function.Name, function.Timeout, container.ShortId);
            return AgentOutcomes.Unreported(capture, clock.Run, clock.Conditions(cold, quota, cache.Decision), timedOut: true, limitHit: null,
                "the run was killed at its timeout, before it could report");
        }
        catch (AgentLostException e) when (!e.BeforeRequest)
        {
            clock.Stop();
            var state = await container.InspectStateAsync();
            await DestroyAsync(container);
            if (state is not { OOMKilled: true })
                throw new AgentLostException($"{e.Message} (the container {Describe(state)})", e, beforeRequest: false);
            // The run's memory use took its agent down with it: the function went past its limit, the node is fine.
            return AgentOutcomes.Unreported(capture, clock.Run, clock.Conditions(cold, quota, cache.Decision), timedOut: false, FailureReasons.OutOfMemory,
                "the container was killed for going past its memory limit, before it could report");
        }
        catch
        {
            await DestroyAsync(container);
            throw;
        }
        finally
        {
            if (await cache.ReleaseAsync() is { } failure)
                LogCacheGroupLeft(failure, container.ShortId);
        }

        if (run.Report.Flags.HasFlag(AgentFlags.ExecFailed))
        {
            await DestroyAsync(container);
            throw new FunctionStartException($"Function '{function.Name}' could not start its command in image '{function.Image}': {capture.Stderr.ToString().Trim()}");
        }
        await KeepOrDestroyAsync(key, function, container);
        return AgentOutcomes.Of(run, capture, clock.Run, clock.Conditions(cold, quota, cache.Decision));
    }

    /// <summary>
    /// After a good run: kept for the function's keep-alive (<see cref="KeepAlivePolicy.KeepFor"/>); or, when the policy expects no run within its prewarm
    /// window, removed now and a new one started so that it is up when the window ends: as long before as starts take,
    /// and a reaper's period more, as a due prewarm is started at the reaper's next tick.
    /// </summary>
    private async Task KeepOrDestroyAsync(WarmPoolKey? key, FunctionDefinition function, FunctionContainer container)
    {
        var decision = _idleTimes.DecisionFor(function.Name);
        if (key is not null && decision.PrewarmAfter > TimeSpan.Zero)
        {
            var lead = TimeSpan.FromMilliseconds(_starts.Ms ?? 0) + _reapEvery;
            _prewarms.Schedule(new Prewarm(key, function, _time.GetUtcNow() + (decision.PrewarmAfter > lead ? decision.PrewarmAfter - lead : TimeSpan.Zero), decision.KeepAlive));
        }
        else if (key is not null && _pool.TryReturn(key, container, KeepAlivePolicy.KeepFor(decision, _pool.IdleCount(key), _keepAlive)))
            return;
        await DestroyAsync(container);
    }

    /// <summary>Starts a container ahead of its function's expected run and keeps it, its agent connected, when the pool has room.</summary>
    private async Task PrewarmAsync(Prewarm prewarm)
    {
        if (!_pool.HasRoomFor(prewarm.Key, memoryBytes: 0))
            return;
        var started = _time.GetTimestamp();
        try
        {
            var container = await StartNewAsync(prewarm.Function, _stopping.Token);
            try
            {
                await container.WaitForAgentAsync(_options.StartTimeout, _stopping.Token);
                _starts.Add(_time.GetElapsedTime(started).TotalMilliseconds);
            }
            catch
            {
                await DestroyAsync(container);
                throw;
            }
            if (_pool.TryReturn(prewarm.Key, container, prewarm.KeepAlive))
                IdleWarmChanged?.Invoke();
            else
                await DestroyAsync(container);
        }
        catch (Exception e) when (e is FunctionStartException or OperationCanceledException)
        {
            // A run that comes finds no container and starts one, as without the prewarm.
            LogPrewarmFailed(prewarm.Function.Name, e.Message);
        }
    }

    /// <summary>An idle warm container of the function when there is one, else a new one: a span either way, so a trace shows warm and cold starts alike.</summary>
    private async Task<(FunctionContainer Container, bool Cold)> GetContainerAsync(WarmPoolKey? key, FunctionDefinition function, CancellationToken cancellationToken)
    {
        using var span = FaasTracing.Source.StartActivity(FaasTracing.Container);
        var warm = key is null ? null : _pool.TryRent(key);
        span?.SetTag("faas.container.cold", warm is null);
        return warm is null ? (await StartNewAsync(function, cancellationToken), true) : (warm, false);
    }

    private async Task<FunctionContainer> StartNewAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        var image = await EngineStep(function, "prepare the image of", () => _images.ReadyAsync(function, cancellationToken), cancellationToken);
        var (agentFolder, secretsFolder) = _folders.ForContainer(withSecrets: !function.Secrets.IsEmpty);
        var spec = ContainerBlueprint.For(function, image, _options, agentFolder, secretsFolder);
        var folders = ContainerFolders.Create(function, agentFolder, secretsFolder, spec.User);
        return await EngineStep(function, "start a container for", () => FunctionContainer.StartAsync(_client, spec, folders, _cacheCounters), cancellationToken);
    }

    private async Task<T> EngineStep<T>(FunctionDefinition function, string step, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (DockerImageNotFoundException e)
        {
            throw new FunctionStartException($"Image '{function.Image}' is not present on this node: {DockerErrors.Describe(e)}", e);
        }
        catch (Exception e) when ((e is DockerApiException || DockerErrors.IsUnreachable(e)) && !cancellationToken.IsCancellationRequested)
        {
            throw DockerErrors.IsUnreachable(e)
                ? new FunctionStartException($"Docker at {_options.Endpoint} did not answer: {DockerErrors.WhyUnreachable(_options.Endpoint, e)}", e, runtimeUnreachable: true)
                : new FunctionStartException($"Docker at {_options.Endpoint} could not {step} function '{function.Name}': {DockerErrors.Describe(e)}", e);
        }
    }

    private static string Describe(ContainerState? state) => state switch
    {
        null => "could not be inspected",
        { Running: true } => "is still running",
        _ => $"exited with code {state.ExitCode}{(state.Error is { Length: > 0 } error ? $": {error}" : "")}",
    };

    private async Task DestroyAsync(FunctionContainer container)
    {
        if (await container.DestroyAsync() is { } failure)
            LogRemoveFailed(failure, container.ShortId);
    }

    /// <summary>
    /// Every <see cref="_reapEvery"/>, removes expired idle containers and starts due prewarms, without waiting for them:
    /// a start that takes seconds must not hold back the prewarms that fall due meanwhile.
    /// </summary>
    private async Task ReapIdleAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_reapEvery, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var expired = _pool.TakeExpired();
                if (expired.Count > 0)
                    IdleWarmChanged?.Invoke();
                foreach (var container in expired)
                    _background.Start(DestroyAsync(container));
                foreach (var prewarm in _prewarms.TakeDue(_time.GetUtcNow()))
                    _background.Start(PrewarmAsync(prewarm));
            }
        }
        catch (OperationCanceledException)
        {
            // The runner is being disposed; what is still idle is removed there.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} ran past its timeout of {Timeout}; container {ContainerId} was killed")]
    private partial void LogTimedOut(string function, TimeSpan timeout, string containerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm container {ContainerId} of function {Function} was lost ({Reason}); starting a fresh one")]
    private partial void LogWarmContainerLost(string containerId, string function, string reason);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function}: the container started ahead of its next run did not come up ({Reason})")]
    private partial void LogPrewarmFailed(string function, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Container {ContainerId} could not be removed and is left behind")]
    private partial void LogRemoveFailed(Exception exception, string containerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The resctrl group of container {ContainerId} could not be removed; the node's next start removes it")]
    private partial void LogCacheGroupLeft(Exception exception, string containerId);
}
