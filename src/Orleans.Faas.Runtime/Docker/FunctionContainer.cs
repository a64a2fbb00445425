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
    private static readonly TimeSpan ConnectRetry = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan ExitCheckEvery = TimeSpan.FromMilliseconds(100);

    private readonly DockerClient _client;
    private readonly string _socketFolder;
    private bool _agentSeen;
    private CgroupCacheCounters? _cacheCounters;
    private string? _cacheCountersUnavailable;
    private (long Pid, string? Folder)? _cgroup;

    private FunctionContainer(DockerClient client, string id, string socketFolder, ContainerSecrets? secrets)
    {
        _client = client;
        Id = id;
        _socketFolder = socketFolder;
        Secrets = secrets;
    }

    public string Id { get; }

    /// <summary>The folder its secrets are mounted from; null when its function has none.</summary>
    public ContainerSecrets? Secrets { get; }

    /// <summary>When it last finished a request; what the warm pool's idle timeout counts from.</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>
    /// Creates and starts the container, and opens cache counters on its cgroup when the node supports them.
    /// Not cancellable midway: a container the engine made but whose id we never learned would be left behind.
    /// </summary>
    public static async Task<FunctionContainer> StartAsync(
        DockerClient client, CreateContainerParameters spec, string socketFolder, ContainerSecrets? secrets, CacheCounterSupport cache)
    {
        string id;
        try
        {
            id = (await client.Containers.CreateContainerAsync(spec, CancellationToken.None)).ID;
        }
        catch
        {
            secrets?.Delete();
            throw;
        }
        var container = new FunctionContainer(client, id, socketFolder, secrets);
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

    /// <summary>Connects to the agent, first waiting for a new container's agent to listen.</summary>
    /// <param name="startTimeout">How long a new container's agent may take to listen.</param>
    /// <exception cref="AgentLostException">The agent of a container that answered before is gone.</exception>
    public async Task<Socket> ConnectAsync(TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var endpoint = new UnixDomainSocketEndPoint(Path.Combine(_socketFolder, ContainerBlueprint.SocketName));
        var started = TimeProvider.System.GetTimestamp();
        var lastExitCheck = started;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken);
                _agentSeen = true;
                return socket;
            }
            catch (SocketException) when (!_agentSeen)
            {
                // No socket file yet, or nobody listening on it yet.
                socket.Dispose();
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new AgentLostException($"The agent of container {ShortId} cannot be reached: {e.Message}", e, beforeRequest: true);
            }

            // A new container's agent is not listening yet; give up when the container has exited or took too long.
            var waited = TimeProvider.System.GetElapsedTime(started);
            if (waited > startTimeout)
                throw new FunctionStartException($"Container {ShortId} did not start its agent within {startTimeout.TotalSeconds:0} s.");
            if (TimeProvider.System.GetElapsedTime(lastExitCheck) > ExitCheckEvery)
            {
                lastExitCheck = TimeProvider.System.GetTimestamp();
                await ThrowIfExitedAsync(cancellationToken);
            }
            await Task.Delay(ConnectRetry, cancellationToken);
        }
    }

    /// <summary>
    /// Runs the function once with <paramref name="input"/> through a connection to the agent (<see cref="ConnectAsync"/>),
    /// streaming its output into the sinks.
    /// </summary>
    /// <exception cref="AgentLostException">The agent is gone: the container died, or was killed under us.</exception>
    public async Task<ContainerRun> InvokeAsync(
        Socket agent, ReadOnlyMemory<byte> input, ByteSink stdout, ByteSink stderr, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(agent, ownsSocket: false);
        try
        {
            var before = _cacheCounters?.Read();
            await AgentProtocol.SendAsync(stream, input, cancellationToken);
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

    /// <summary>Kills and removes the container, its socket folder and its secrets; never throws, as it runs on every path out.</summary>
    public async Task<Exception?> DestroyAsync()
    {
        _cacheCounters?.Dispose();
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
        try
        {
            Directory.Delete(_socketFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created or already removed.
        }
        Secrets?.Delete();
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
        throw new FunctionStartException($"Container {ShortId} exited with code {state.ExitCode} before its agent listened: {logs}");
    }
}
