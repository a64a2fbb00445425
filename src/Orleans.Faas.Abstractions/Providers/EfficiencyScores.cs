namespace Orleans.Faas.Providers;

/// <summary>
/// How fast a provider is against the reference provider: reference time / provider time for each workload, so
/// above 1 is faster than the reference, and the reference itself is 1 by definition.
/// </summary>
/// <param name="CpuSpread">Relative interquartile range of the provider's CPU workload times.</param>
/// <param name="MemorySpread">Relative interquartile range of the provider's memory workload times.</param>
/// <param name="MeasuredAt">When the provider was measured.</param>
/// <param name="Reference">The provider the scores are relative to.</param>
[GenerateSerializer, Immutable, Alias("faas.EfficiencyScores")]
public sealed record EfficiencyScores(
    [property: Id(0)] double CpuEfficiency,
    [property: Id(1)] double MemoryEfficiency,
    [property: Id(2)] double CpuSpread,
    [property: Id(3)] double MemorySpread,
    [property: Id(4)] DateTimeOffset MeasuredAt,
    [property: Id(5)] string Reference);
