using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Runtime.Agent;
using Orleans.Faas.Runtime.Cache;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Runtime.Secrets;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// A started function container whose agent runs the function once per request. It can serve many requests in turn
/// (a warm container) and is destroyed after a timeout, a cancellation or a broken agent.
/// </summary>
internal sealed class FunctionContainer
{
    private static readonly TimeSpan ExitCheckEvery = TimeSpan.FromMilliseconds(100);

    private readonly DockerClient _client;
    private readonly ContainerFolders _folders;
    private Socket? _agent;
    private CgroupCacheCounters? _cacheCounters;
    private string? _cacheCountersUnavailable;
    private (long Pid, string? Folder)? _cgroup;

    private FunctionContainer(DockerClient client, string id, ContainerFolders folders)
    {
        _client = client;
        Id = id;
        _folders = folders;
    }

    public string Id { get; }

    /// <summary>The folder its secrets are mounted from; null when its function has none.</summary>
    public ContainerSecrets? Secrets => _folders.Secrets;

    /// <summary>When it last finished a request, or was prewarmed; what its keep-alive counts from.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>When the warm pool removes it unless a run takes it first.</summary>
    public DateTimeOffset KeepUntil { get; set; }

    /// <summary>Its memory limit, what it holds of the node's memory while it idles.</summary>
    public long MemoryBytes { get; private init; }

    /// <summary>
    /// Creates and starts the container, and opens cache counters on its cgroup when the node supports them.
    /// Not cancellable midway: a container the engine made but whose id we never learned would be left behind.
    /// </summary>
    /// <remarks>When this throws, nothing is left: the container is removed, and so are its folders.</remarks>
    public static async Task<FunctionContainer> StartAsync(DockerClient client, CreateContainerParameters spec, ContainerFolders folders, CacheCounterSupport cache)
    {
        string id;
        try
        {
            id = (await client.Containers.CreateContainerAsync(spec, CancellationToken.None)).ID;
        }
        catch
        {
            folders.Delete();
            throw;
        }
        var container = new FunctionContainer(client, id, folders) { MemoryBytes = spec.HostConfig.Memory };
        try
        {
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters(), CancellationToken.None);
            container._cacheCountersUnavailable = cache.UnavailableBecause ?? await container.OpenCacheCountersAsync();
            return container;
        }
        catch
        {
            await container.DestroyAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes a new container's connection from its agent, once the agent connects; a container whose agent is connected
    /// returns at once. The connection is kept only when it comes from the container's first process, the agent.
    /// </summary>
    /// <param name="startTimeout">How long a new container's agent may take to connect.</param>
    public async Task WaitForAgentAsync(TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        if (_agent is not null)
            return;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var accepting = _folders.Listener.AcceptOnceAsync(waiting.Token);
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            // Give up when the container has exited or took too long.
            while (await Task.WhenAny(accepting, Task.Delay(ExitCheckEvery, cancellationToken)) != accepting)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TimeProvider.System.GetElapsedTime(started) > startTimeout)
                    throw new FunctionStartException($"Container {ShortId} did not start its agent within {startTimeout.TotalSeconds:0} s.");
                await ThrowIfExitedAsync(cancellationToken);
            }
        }
        finally
        {
            await waiting.CancelAsync();
        }
        var (connection, peer) = await accepting;
        var agent = (await CgroupAsync()).Pid;
        if (peer != agent)
        {
            connection.Dispose();
            throw new FunctionStartException($"Container {ShortId}: process {peer}, not its agent (process {agent}), connected to the node.");
        }
        _agent = connection;
    }

    /// <summary>
    /// Runs the function once with <paramref name="input"/> through the agent's connection (<see cref="WaitForAgentAsync"/>),
    /// streaming its output into the sinks.
    /// </summary>
    /// <exception cref="AgentLostException">The agent is gone: the container died, or was killed under us.</exception>
    public async Task<ContainerRun> InvokeAsync(ReadOnlyMemory<byte> input, ByteSink stdout, ByteSink stderr, CancellationToken cancellationToken)
    {
        var agent = _agent ?? throw new InvalidOperationException($"Container {ShortId} has no agent connected yet.");
        await using var stream = new NetworkStream(agent, ownsSocket: false);
        var before = _cacheCounters?.Read();
        try
        {
            await AgentProtocol.SendAsync(stream, input, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            // The agent reads the whole request before it starts anything, so nothing of this run happened.
            throw new AgentLostException($"The agent of container {ShortId} cannot be reached: {e.Message}", e, beforeRequest: true);
        }
        try
        {
            var report = await AgentProtocol.ReceiveAsync(stream, stdout, stderr, cancellationToken);
            var after = _cacheCounters?.Read();
            return before is { } b && after is { } a
                ? new ContainerRun(report, a.References - b.References, a.Misses - b.Misses, null)
                : new ContainerRun(report, null, null, _cacheCountersUnavailable);
        }
        catch (Exception e) when (e is IOException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            throw new AgentLostException($"The agent of container {ShortId} stopped answering: {e.Message}", e, beforeRequest: false);
        }
    }

    /// <summary>Kills and removes the container, its folders and its secrets; never throws, as it runs on every path out.</summary>
    public async Task<Exception?> DestroyAsync()
    {
        _cacheCounters?.Dispose();
        _agent?.Dispose();
        Exception? failure = null;
        try
        {
            await _client.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: nothing is left behind.
        }
        catch (Exception e) when (e is DockerApiException || DockerErrors.IsUnreachable(e))
        {
            failure = e;
        }
        _folders.Delete();
        return failure;
    }

    public string ShortId => Id[..Math.Min(12, Id.Length)];

    /// <summary>What the engine says became of the container, for explaining a lost agent; null when it cannot say.</summary>
    public async Task<ContainerState?> InspectStateAsync()
    {
        try
        {
            return (await _client.Containers.InspectContainerAsync(Id, CancellationToken.None)).State;
        }
        catch (Exception e) when (e is DockerApiException || DockerErrors.IsUnreachable(e))
        {
            return null;
        }
    }

    /// <summary>The container's perf_event cgroup folder on the node (<see cref="ContainerCgroups.PerfEventFolder"/>); null when /proc does not say.</summary>
    public async Task<string?> CgroupFolderAsync() => (await CgroupAsync()).Folder;

    /// <returns>Why the counters could not be opened, or null when they were.</returns>
    private async Task<string?> OpenCacheCountersAsync()
    {
        var (pid, found) = await CgroupAsync();
        if (found is not { } folder)
            return $"the perf_event cgroup of container {ShortId} (pid {pid}) was not found";
        (_cacheCounters, var unavailable) = CgroupCacheCounters.Open(folder, Environment.ProcessorCount);
        return unavailable;
    }

    /// <summary>The container's init process and its cgroup folder, looked up once: a container keeps both for life.</summary>
    private async Task<(long Pid, string? Folder)> CgroupAsync()
    {
        if (_cgroup is null)
        {
            var pid = (await _client.Containers.InspectContainerAsync(Id, CancellationToken.None)).State.Pid;
            _cgroup = (pid, ContainerCgroups.PerfEventFolder("/", (int)pid));
        }
        return _cgroup.Value;
    }

    private async Task ThrowIfExitedAsync(CancellationToken cancellationToken)
    {
        var state = (await _client.Containers.InspectContainerAsync(Id, cancellationToken)).State;
        if (state.Running)
            return;
        var logs = await ContainerLogs.TailAsync(_client, Id, cancellationToken);
        throw new FunctionStartException($"Container {ShortId} exited with code {state.ExitCode} before its agent connected: {logs}");
    }
}
