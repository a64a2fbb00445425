using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>What the benchmark reads of <c>GET /v1/providers</c>: a provider and its scores, null until it was benchmarked.</summary>
public sealed record ScoredProvider(string Id, ProviderStatus Status, bool IsReference, ProviderScores? Scores);

/// <summary>The reference's time over this provider's, per workload: above 1 is faster than the reference.</summary>
public sealed record ProviderScores(double CpuEfficiency, double MemoryEfficiency);
