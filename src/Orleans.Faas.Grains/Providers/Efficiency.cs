namespace Orleans.Faas.Providers;

/// <summary>
/// Scores a provider against the reference from the raw workload times both measured, so changing the reference
/// re-bases every score at once and a re-measured provider is scored on its new times.
/// </summary>
public static class Efficiency
{
    /// <returns>Null when the provider or the reference has not been measured yet.</returns>
    public static EfficiencyScores? Of(string reference, ProviderBenchmark? provider, ProviderBenchmark? referenceBenchmark) =>
        provider is null || referenceBenchmark is null
            ? null
            : new EfficiencyScores(
                referenceBenchmark.Cpu.WallMs / provider.Cpu.WallMs,
                referenceBenchmark.Memory.WallMs / provider.Memory.WallMs,
                provider.Cpu.WallSpread,
                provider.Memory.WallSpread,
                provider.MeasuredAt,
                reference);

    /// <summary>Every snapshot with its scores and whether it is the reference (by definition scored 1.0).</summary>
    public static IReadOnlyList<ProviderSnapshot> Score(IReadOnlyList<ProviderSnapshot> providers, string? reference)
    {
        var referenceBenchmark = providers.FirstOrDefault(p => p.Id == reference)?.Benchmark;
        return [.. providers.Select(p => p with
        {
            IsReference = p.Id == reference,
            Scores = reference is null ? null : Of(reference, p.Benchmark, referenceBenchmark),
        })];
    }
}
