using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// Which providers the platform should benchmark by itself now: ready Docker nodes never measured, or measured too long
/// ago. A lone node is never due: it is its own reference, 1.0 by definition, until a second one joins.
/// </summary>
public static class DueProviders
{
    public static IReadOnlyList<ProviderSnapshot> Of(IEnumerable<ProviderSnapshot> providers, DateTimeOffset now, TimeSpan maxAge)
    {
        var measurable = providers.Where(p => p.TakesWork(FunctionRuntime.Docker)).ToList();
        return measurable.Count < 2 ? [] : [.. measurable.Where(p => p.Benchmark is null || now - p.Benchmark.MeasuredAt > maxAge)];
    }
}
