using Microsoft.Extensions.Options;
using Orleans.Faas.Runtime.Docker;

namespace Orleans.Faas.Silo.Runners;

/// <summary>At start, removes the containers this node's previous process left behind, such as a crashed silo's warm pool.</summary>
public sealed partial class LeftoverContainerSweep(DockerRunner runner, IOptions<DockerOptions> docker, ILogger<LeftoverContainerSweep> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = await runner.RemoveLeftoversAsync(cancellationToken);
        if (removed > 0)
            LogRemoved(removed, docker.Value.Node);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} containers that an earlier process of node {Node} left behind")]
    private partial void LogRemoved(int count, string node);
}
