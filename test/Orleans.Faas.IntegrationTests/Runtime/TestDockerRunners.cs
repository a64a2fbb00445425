using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Cache;
using Orleans.Faas.Runtime.Cache.Allocation;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.KeepAlive;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Runtime.Secrets;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Docker runners on the test script's private dockerd, with the agent built next to the test assemblies.</summary>
internal static class TestDockerRunners
{
    /// <param name="docker">Changes to the node's Docker options, e.g. a CPU cap.</param>
    public static DockerRunner Create(
        string? endpoint = null, int maxOutputBytes = 16 * 1024 * 1024, int maxLogBytes = 64 * 1024, WarmPoolOptions? pool = null,
        KeepAliveOptions? keepAlive = null,
        string? node = null, Action<DockerOptions>? docker = null, ISecretValues? secrets = null)
    {
        var options = new DockerOptions
        {
            Endpoint = endpoint ?? TestEnvironment.DockerEndpoint,
            Node = node ?? $"it-{Guid.NewGuid():N}",
            SocketParent = TestEnvironment.WorkFolder,
        };
        docker?.Invoke(options);
        return new(Options.Create(options),
            Options.Create(new RunnerOptions { MaxOutputBytes = maxOutputBytes, MaxLogBytes = maxLogBytes }),
            Options.Create(pool ?? new WarmPoolOptions()),
            Options.Create(keepAlive ?? new KeepAliveOptions()),
            CacheCounterSupport.DetectHere(),
            new ResctrlCacheAllocation(ResctrlSupport.Detect(), options.Node),
            secrets ?? new FixedSecretValues(),
            TimeProvider.System,
            NullLogger<DockerRunner>.Instance);
    }
}
