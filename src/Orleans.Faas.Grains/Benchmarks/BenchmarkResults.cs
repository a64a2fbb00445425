using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks;

/// <summary>Keeps what a finished job learnt where the platform reads it: provider benchmarks and function profiles.</summary>
public static class BenchmarkResults
{
    public static async Task Keep(IGrainFactory grains, Guid job, BenchmarkRequest request, IReadOnlyList<BenchmarkMeasurement> results, DateTimeOffset now)
    {
        switch (request.Kind)
        {
            case BenchmarkKind.Providers:
                await Task.WhenAll(results.GroupBy(r => r.Provider).Select(provider =>
                    grains.GetGrain<IProviderGrain>(provider.Key).RecordBenchmark(new ProviderBenchmark(
                        provider.Single(r => r.Workload == BenchmarkPlanner.CpuWorkload).Stats,
                        provider.Single(r => r.Workload == BenchmarkPlanner.MemoryWorkload).Stats,
                        now,
                        job))));
                break;
            case BenchmarkKind.Profile:
                var function = grains.GetGrain<IFunctionGrain>(request.Function!);
                var version = (await function.GetLatest())?.Version ?? 0;
                // The way sweep's runs had only part of the cache: they tell the cache need, not the profile.
                await function.RecordProfile([.. results.Where(r => r.CacheWays is null)
                    .Select(r => new ProfilePoint(r.InputSize, r.Stats, ProfileSource.Profiled, now, version))]);
                if (CacheWaySweep.Need(results) is { } need)
                    await function.RecordCacheNeed(need);
                break;
            case BenchmarkKind.Workload:
                // A user workload's results are the job's own; nothing else changes.
                break;
        }
    }
}
