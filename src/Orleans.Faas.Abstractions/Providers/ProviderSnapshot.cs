using System.Collections.Immutable;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Providers;

/// <summary>A provider's facts, status and load, and how it measured against the platform's workloads.</summary>
/// <param name="Benchmark">Its latest provider benchmark; null until one finished.</param>
/// <param name="Scores">Its efficiency against the reference; filled in by the provider directory, null when either side is unmeasured.</param>
/// <param name="IsReference">It is the provider every other one is measured against; filled in by the provider directory.</param>
[GenerateSerializer, Immutable, Alias("faas.ProviderSnapshot")]
public sealed record ProviderSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] NodeFacts Facts,
    [property: Id(2)] ImmutableArray<FunctionRuntime> Runtimes,
    [property: Id(3)] ProviderStatus Status,
    [property: Id(4)] ProviderLoad Load,
    [property: Id(5)] string Silo,
    [property: Id(6)] DateTimeOffset RegisteredAt,
    [property: Id(7)] ProviderBenchmark? Benchmark = null,
    [property: Id(8)] EfficiencyScores? Scores = null,
    [property: Id(9)] bool IsReference = false)
{
    /// <summary>It is ready and has the runtime: it can be given new work of that kind.</summary>
    public bool TakesWork(FunctionRuntime runtime) => Status == ProviderStatus.Ready && Runtimes.Contains(runtime);
}
