extern alias benchmarks;
using benchmarks::Orleans.Faas.Benchmarks.Placement;
using benchmarks::Orleans.Faas.Benchmarks.Simulation;

namespace Orleans.Faas.Tests.Simulation;

public sealed class ObservedRunTimesTests
{
    private static readonly TaskKind Cpu = new(WorkloadFunction.Mix[0], 512);
    private static readonly TaskKind Memory = new(WorkloadFunction.Mix[1], 512);

    private static readonly ObservedRunTimes Observed = new(
        [
            [("cpu 0.5 KiB", "ash", 100), ("cpu 0.5 KiB", "ash", 300), ("cpu 0.5 KiB", "ash", 200)],
            [("cpu 0.5 KiB", "ash", 1000), ("cpu 0.5 KiB", "birch", 50)],
        ],
        (_, _) => 7);

    [Fact]
    public void A_run_gives_its_own_median_of_a_kind_on_a_provider()
    {
        Assert.Equal(200, Observed.InRun(0)(Cpu, "ash"));
        Assert.Equal(1000, Observed.InRun(1)(Cpu, "ash"));
    }

    [Fact]
    public void A_kind_a_run_did_not_place_on_a_provider_takes_the_median_over_every_run()
    {
        Assert.Equal(50, Observed.InRun(0)(Cpu, "birch"));
        Assert.Equal(250, Observed.OverAll(Cpu, "ash"));
    }

    [Fact]
    public void A_kind_no_run_placed_on_a_provider_takes_the_fallback() =>
        Assert.Equal(7, Observed.InRun(0)(Memory, "ash"));
}
