using System.Collections.Immutable;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Cache;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Tests.Benchmarks;

public sealed class CacheWaySweepTests
{
    private static readonly NodeFacts WithoutResctrl = new("ref", 2, 1L << 30, "cpu", 1L << 24,
        CacheAllocationUnavailable: "resctrl is not mounted (no /sys/fs/resctrl)");

    private static readonly NodeFacts WithResctrl = WithoutResctrl with { CacheWays = 12, CacheAllocationUnavailable = null };

    private static IReadOnlyList<BenchmarkStep> Profile(FunctionRuntime runtime = FunctionRuntime.Docker)
    {
        var definition = new FunctionDefinition("bench-0123456789-f", runtime, "img", ["run"], ImmutableDictionary<string, string>.Empty, 0, 0, TimeSpan.FromSeconds(30));
        var version = new FunctionVersion(definition, 1, DateTimeOffset.UnixEpoch);
        return [.. new long[] { 10, 100_000, 1000 }.Select(size => new BenchmarkStep("ref", "f", version, size, new byte[size]))];
    }

    private static BenchmarkMeasurement Measured(long size, double wallMs, int? ways = null) =>
        new("ref", "f", size, new RunStatistics(wallMs, wallMs, wallMs, 0, 5, null, null, null, null, null, null), ways);

    [Theory]
    [InlineData(12, new[] { 1, 2, 4, 8, 12 })]
    [InlineData(16, new[] { 1, 2, 4, 8, 16 })]
    [InlineData(11, new[] { 1, 2, 4, 8, 11 })]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(1, new[] { 1 })]
    public void The_sweep_measures_powers_of_two_and_then_every_way(int ways, int[] counts) =>
        Assert.Equal(counts, CacheWaySweep.WayCounts(ways));

    [Fact]
    public void A_reference_that_can_allocate_cache_plans_the_sweep_at_the_largest_size()
    {
        var profile = Profile();

        var sweep = CacheWaySweep.Steps(WithResctrl, profile).ToList();

        Assert.Equal([1, 2, 4, 8, 12], sweep.Select(s => s.CacheWays));
        Assert.All(sweep, s => Assert.Equal(profile[1] with { CacheWays = s.CacheWays }, s));
        Assert.All(profile, s => Assert.Null(s.CacheWays));
    }

    [Fact]
    public void A_reference_without_resctrl_plans_no_sweep() =>
        Assert.Empty(CacheWaySweep.Steps(WithoutResctrl, Profile()));

    [Fact]
    public void A_process_function_is_not_swept_as_a_process_has_no_cgroup_to_give_ways_to() =>
        Assert.Empty(CacheWaySweep.Steps(WithResctrl, Profile(FunctionRuntime.Process)));

    [Fact]
    public void The_need_is_the_knee_of_the_medians_of_the_sweep_with_its_points_fewest_ways_first()
    {
        var need = CacheWaySweep.Need(
            [Measured(10, 5), Measured(1000, 50), Measured(1000, 101, 12), Measured(1000, 300, 1), Measured(1000, 104, 4), Measured(1000, 100, 8), Measured(1000, 200, 2)]);

        Assert.NotNull(need);
        Assert.Equal(4, need.Ways);
        Assert.Equal(1000, need.InputSize);
        Assert.Equal([new(1, 300), new(2, 200), new(4, 104), new(8, 100), new CacheWayPoint(12, 101)], need.Points.ToArray());
    }

    [Fact]
    public void A_job_without_a_sweep_finds_no_need() =>
        Assert.Null(CacheWaySweep.Need([Measured(10, 5), Measured(1000, 50)]));
}
