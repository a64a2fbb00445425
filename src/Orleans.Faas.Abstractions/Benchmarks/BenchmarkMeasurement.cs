using Orleans.Faas.Profiles;

namespace Orleans.Faas.Benchmarks;

/// <summary>One workload at one input size on one provider, as a job measured it.</summary>
/// <param name="Workload">The platform workload (<c>cpu</c>, <c>memory</c>) or the function's name.</param>
/// <param name="CacheWays">The L3 cache ways its runs had of their own, in a profile job's way sweep; null when they had the whole cache.</param>
[GenerateSerializer, Immutable, Alias("faas.BenchmarkMeasurement")]
public sealed record BenchmarkMeasurement(
    [property: Id(0)] string Provider,
    [property: Id(1)] string Workload,
    [property: Id(2)] long InputSize,
    [property: Id(3)] RunStatistics Stats,
    [property: Id(4)] int? CacheWays = null);
