using System.Collections.Immutable;
using Orleans.Faas.Cache;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// The part of a profile job that finds a function's cache need, where the reference provider can allocate cache: the
/// function at its largest profiled size with a few way counts of its own, and the knee of its run time against them.
/// </summary>
public static class CacheWaySweep
{
    /// <summary>The way counts measured: the powers of two below <paramref name="ways"/>, then all of them (1, 2, 4, 8, 12 of 12).</summary>
    public static IReadOnlyList<int> WayCounts(int ways)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ways, 1);
        var counts = new List<int>();
        for (var count = 1; count < ways; count *= 2)
            counts.Add(count);
        counts.Add(ways);
        return counts;
    }

    /// <summary>
    /// The profile's step at its largest size once per way count, when the reference can give runs cache ways of their
    /// own and the function runs in a container (a process has no cgroup to give them to); none otherwise.
    /// </summary>
    /// <param name="profile">The profile's steps on the reference, one per input size.</param>
    public static IEnumerable<BenchmarkStep> Steps(NodeFacts reference, IReadOnlyList<BenchmarkStep> profile)
    {
        if (reference.CacheWays is not { } ways || profile.Count == 0)
            return [];
        var largest = profile.MaxBy(s => s.InputSize)!;
        return largest.Function.Definition.Runtime == FunctionRuntime.Docker
            ? WayCounts(ways).Select(count => largest with { CacheWays = count })
            : [];
    }

    /// <summary>The function's cache need from a profile job's results; null when the job swept no way counts.</summary>
    public static CacheNeed? Need(IEnumerable<BenchmarkMeasurement> results)
    {
        var swept = results.Where(r => r.CacheWays is not null).ToList();
        if (swept.Count == 0)
            return null;
        // A step's statistics hold the median of its runs, which is what the knee is found on.
        var points = swept.Select(r => new CacheWayPoint(r.CacheWays!.Value, r.Stats.WallMs)).OrderBy(p => p.Ways).ToImmutableArray();
        return new CacheNeed(CacheKnee.Find([.. points.Select(p => (p.Ways, p.WallMs))]), swept[0].InputSize, points);
    }
}
