using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tests.Profiles;

public sealed class ProfileInterpolationTests
{
    private static ProfilePoint Point(long size, double wallMs, double? cpuMs = null) =>
        new(size, Stats(wallMs, cpuMs), ProfileSource.Profiled, DateTimeOffset.UnixEpoch, 1);

    private static RunStatistics Stats(double wallMs, double? cpuMs = null) =>
        new(wallMs, wallMs * 0.9, wallMs * 1.1, 0.2, 5, cpuMs, 1000, null, null, null, null);

    [Fact]
    public void A_profiled_size_answers_with_its_own_figures_not_interpolated()
    {
        var estimate = ProfileInterpolation.Estimate([Point(10, 2), Point(1000, 200)], 1000)!;

        Assert.False(estimate.Interpolated);
        Assert.Equal(200, estimate.Stats.WallMs);
    }

    [Fact]
    public void A_size_between_two_profiled_ones_lies_between_them_on_their_power_law()
    {
        var estimate = ProfileInterpolation.Estimate([Point(10, 2, cpuMs: 1), Point(1000, 200, cpuMs: 100)], 100)!;

        Assert.True(estimate.Interpolated);
        Assert.False(estimate.Extrapolated);
        Assert.Equal([10L, 1000L], estimate.Basis.ToArray());
        // wall = 0.2 * size exactly, so the log-log line gives 20 ms at 100.
        Assert.Equal(20, estimate.Stats.WallMs, 6);
        Assert.Equal(10, estimate.Stats.CpuMs!.Value, 6);
        Assert.Equal(5, estimate.Stats.Samples);
    }

    [Fact]
    public void A_figure_either_side_did_not_measure_stays_unmeasured()
    {
        var estimate = ProfileInterpolation.Estimate([Point(10, 2, cpuMs: null), Point(1000, 200, cpuMs: 100)], 100)!;

        Assert.Null(estimate.Stats.CpuMs);
        Assert.Null(estimate.Stats.LlcMisses);
        Assert.Equal(1000, estimate.Stats.PeakMemoryBytes);
    }

    [Fact]
    public void Below_the_smallest_size_the_smallest_point_stands()
    {
        var estimate = ProfileInterpolation.Estimate([Point(10, 2), Point(1000, 200)], 1)!;

        Assert.True(estimate.Extrapolated);
        Assert.Equal(2, estimate.Stats.WallMs);
    }

    [Fact]
    public void Above_the_largest_size_the_trend_is_extended_with_its_exponent_clamped()
    {
        // Cubic growth between the last two points is extended as quadratic at most.
        var estimate = ProfileInterpolation.Estimate([Point(10, 1), Point(100, 1000)], 1000)!;

        Assert.True(estimate.Extrapolated);
        Assert.Equal(100_000, estimate.Stats.WallMs, 3);

        // A cost that fell with size is extended flat: it never falls further.
        var falling = ProfileInterpolation.Estimate([Point(10, 50), Point(100, 40)], 1000)!;
        Assert.Equal(40, falling.Stats.WallMs, 6);
    }

    [Fact]
    public void One_point_answers_for_every_size_and_no_point_answers_nothing()
    {
        Assert.Equal(7, ProfileInterpolation.Estimate([Point(64, 7)], 4096)!.Stats.WallMs);
        Assert.Null(ProfileInterpolation.Estimate([], 10));
    }

    [Fact]
    public void Zero_figures_go_linearly_in_log_size()
    {
        var estimate = ProfileInterpolation.Estimate([Point(10, 0), Point(1000, 10)], 100)!;

        Assert.Equal(5, estimate.Stats.WallMs, 6);
    }
}
