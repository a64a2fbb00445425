using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tests.Profiles;

public sealed class SampleStatisticsTests
{
    private static ExecutionSample Sample(double wallMs, double? cpuMs = null, long? llcMisses = null) =>
        new(100, wallMs, cpuMs, 4096, null, null, null, llcMisses);

    [Fact]
    public void Medians_quartiles_and_relative_spread_come_from_the_wall_times()
    {
        var stats = SampleStatistics.Summarise([Sample(10), Sample(12), Sample(11), Sample(50), Sample(9)]);

        Assert.Equal(11, stats.WallMs);
        Assert.Equal(10, stats.WallQ1Ms);
        Assert.Equal(12, stats.WallQ3Ms);
        Assert.Equal(2.0 / 11, stats.WallSpread, 9);
        Assert.Equal(5, stats.Samples);
    }

    [Fact]
    public void A_figure_no_run_measured_stays_null_and_partly_measured_ones_take_the_median_of_what_was()
    {
        var stats = SampleStatistics.Summarise([Sample(10, cpuMs: 4), Sample(20, cpuMs: null), Sample(30, cpuMs: 8)]);

        Assert.Equal(6, stats.CpuMs);
        Assert.Null(stats.LlcMisses);
        Assert.Equal(4096, stats.PeakMemoryBytes);
    }

    [Fact]
    public void Quantiles_interpolate_between_ranks()
    {
        Assert.Equal(2.5, SampleStatistics.Quantile([1, 2, 3, 4], 0.5));
        Assert.Equal(7, SampleStatistics.Median([7]));
    }
}
