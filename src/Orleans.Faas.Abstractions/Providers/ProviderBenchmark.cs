using Orleans.Faas.Profiles;

namespace Orleans.Faas.Providers;

/// <summary>How long the platform's own CPU-bound and memory-bound workloads take on one provider, from warm runs.</summary>
[GenerateSerializer, Immutable, Alias("faas.ProviderBenchmark")]
public sealed record ProviderBenchmark(
    [property: Id(0)] RunStatistics Cpu,
    [property: Id(1)] RunStatistics Memory,
    [property: Id(2)] DateTimeOffset MeasuredAt,
    [property: Id(3)] Guid BenchmarkId);
