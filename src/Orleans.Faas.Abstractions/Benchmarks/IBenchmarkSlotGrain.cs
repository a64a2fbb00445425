using System.Collections.Immutable;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// The cluster's single benchmark slot (key <see cref="ClusterKey"/>): one job at a time, so jobs never measure each
/// other. Taking it is atomic and it is persisted, so it survives silo restarts. It also starts the provider
/// benchmarks the platform wants by itself: for providers that joined unmeasured, or whose scores aged, once two or more take Docker work.
/// </summary>
[Alias("faas.IBenchmarkSlotGrain")]
public interface IBenchmarkSlotGrain : IGrainWithStringKey
{
    public const string ClusterKey = "cluster";

    /// <summary>Takes the slot and starts a job; throws <see cref="BenchmarkSlotBusyException"/> while another job holds it.</summary>
    [Alias("Start")]
    Task<BenchmarkSnapshot> Start(BenchmarkRequest request);

    /// <summary>A job that reached its end gives the slot back.</summary>
    [Alias("Release")]
    Task Release(Guid job);

    /// <summary>The latest jobs, newest first.</summary>
    [AlwaysInterleave, Alias("Recent")]
    Task<ImmutableArray<Guid>> Recent();

    /// <summary>Something changed (a provider joined, a silo died): free a slot whose job is gone, and start what is due.</summary>
    [OneWay, Alias("Nudge")]
    Task Nudge();
}
