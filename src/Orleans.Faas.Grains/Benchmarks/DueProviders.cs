using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks;

/// <summary>Which providers the platform should benchmark by itself now: ready Docker nodes never measured, or measured too long ago.</summary>
public static class DueProviders
{
    public static IReadOnlyList<ProviderSnapshot> Of(IEnumerable<ProviderSnapshot> providers, DateTimeOffset now, TimeSpan maxAge) =>
        [.. providers.Where(p => p.Status == ProviderStatus.Ready
            && p.Runtimes.Contains(FunctionRuntime.Docker)
            && (p.Benchmark is null || now - p.Benchmark.MeasuredAt > maxAge))];
}
