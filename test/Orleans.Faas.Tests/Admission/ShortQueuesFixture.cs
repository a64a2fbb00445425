using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Tests.Cluster;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tests.Admission;

/// <summary>
/// The two-silo cluster with room for <see cref="MaxQueued"/> waiting tasks per node, so that a few blocked runs fill
/// every queue: <see cref="Capacity"/> tasks in all, one running and the rest waiting on each node.
/// </summary>
public sealed class ShortQueuesFixture() : FaasClusterFixture(silo => silo.Services.Configure<WorkerOptions>(w => w.MaxQueued = MaxQueued))
{
    public const int MaxQueued = 2;

    public const int Capacity = 2 * (SlotsPerSilo + MaxQueued);
}

[CollectionDefinition(Name)]
public sealed class ShortQueuesCollection : ICollectionFixture<ShortQueuesFixture>
{
    public const string Name = "faas cluster with short queues";
}
