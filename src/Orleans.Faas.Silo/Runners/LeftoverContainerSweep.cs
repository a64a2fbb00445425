using Microsoft.Extensions.Options;
using Orleans.Faas.Runtime.Cache.Allocation;
using Orleans.Faas.Runtime.Docker;

namespace Orleans.Faas.Silo.Runners;

/// <summary>At start, removes the containers this node's previous process left behind, such as a crashed silo's warm pool, and their resctrl groups.</summary>
public sealed partial class LeftoverContainerSweep(
    DockerRunner runner, ResctrlCacheAllocation cacheAllocation, IOptions<DockerOptions> docker, ILogger<LeftoverContainerSweep> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = await runner.RemoveLeftoversAsync(cancellationToken);
        if (removed > 0)
            LogRemoved(removed, docker.Value.Node);
        var groups = cacheAllocation.RemoveLeftoverGroups();
        if (groups.Count > 0)
            LogGroupsRemoved(groups.Count, docker.Value.Node, string.Join(", ", groups));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} containers that an earlier process of node {Node} left behind")]
    private partial void LogRemoved(int count, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} resctrl groups that an earlier process of node {Node} left behind: {Groups}")]
    private partial void LogGroupsRemoved(int count, string node, string groups);
}
