extern alias benchmarks;
using benchmarks::Orleans.Faas.Benchmarks.Placement;
using benchmarks::Orleans.Faas.Benchmarks.Simulation;
using Xunit.Abstractions;

namespace Orleans.Faas.Tests.Simulation;

/// <summary>
/// The simulator against a recorded run of the real placement benchmark (docs/bench/placement-run1.txt): its three
/// providers, the true run times it measured and its arrivals (150 at 70% of capacity, seed 20261123) reproduce each
/// placement's real mean completion within 15%, except fastest's (see <see cref="Fastest_is_simulated_slower_than_it_ran"/>),
/// least-loaded's and random's. That run's least-loaded broke ties by name, so an idle node-a (the fastest) won them,
/// and the policy the simulator runs now breaks them at random. The random policy draws from the shared generator, as
/// in a silo, so its simulated mean over 20 runs is not the same twice (12.2 and 14.2 s in two runs of this test): it
/// is printed, not asserted. The fair benchmark's runs are checked by the benchmark itself (docs/benchmarks/simulator.md).
/// </summary>
public sealed class RealRunCheckTests(ITestOutputHelper output)
{
    private static readonly long[] InputSizes = [512, 1024, 2048, 4096];
    private static readonly string[] Providers = ["node-a", "node-b", "node-c"];

    /// <summary>The run's table of median warm run times, ms, per kind (cpu then memory, by size) on node-a, node-b, node-c.</summary>
    private static readonly double[][] Measured =
    [
        [186, 266, 585], [335, 599, 1166], [644, 1185, 2354], [1341, 2347, 4757],
        [293, 437, 1000], [435, 842, 1773], [858, 1557, 3446], [1647, 3054, 6778],
    ];

    /// <summary>The run's mean completion, s, per placement, in its order.</summary>
    private static readonly double[] RealMeans = [1.59, 1.39, 1.50, 9.93, 12.15, 6.66];

    [Fact]
    public async Task The_simulator_reproduces_each_placement_s_mean_completion_of_the_recorded_real_run()
    {
        List<TaskKind> kinds = [.. WorkloadFunction.Mix.SelectMany(f => InputSizes.Select(size => new TaskKind(f, size)))];
        double Ms(TaskKind kind, string provider) => Measured[kinds.IndexOf(kind)][Array.IndexOf(Providers, provider)];
        var capacity = Providers.Sum(p => 1000 / kinds.Average(k => Ms(k, p)));
        var arrivals = ArrivalSequence.Generate(20261123, 150, 0.7 * capacity, kinds);

        var comparisons = await RealRunCheck.Compare(Providers, kinds, Ms, arrivals,
            [.. PlacementUnderTest.All.Select((p, i) => (p, RealMeans[i] * 1000))], 20261123);

        foreach (var c in comparisons)
            output.WriteLine($"{c.Placement}: real {c.RealMeanMs / 1000:0.00} s, simulated {c.SimulatedMeanMs / 1000:0.00} s ({c.Ratio:0.00})");
        Assert.All(comparisons.Where(c => c.Placement is not ("fastest" or "least-loaded" or "random")),
            c => Assert.True(c.Met, $"{c.Placement}: simulated {c.SimulatedMeanMs / 1000:0.00} s, real {c.RealMeanMs / 1000:0.00} s"));
    }

    /// <summary>
    /// A known disagreement, printed NOT met by the benchmark: the three providers share one 2-core host, and the true
    /// run times were measured with all of them busy. Under fastest only node-a works, and ran faster than that (its
    /// makespan, 100.8 s, is below the 107.6 s that 150 tasks at its 717 ms mean over the mix take); with arrivals at 128% of node-a's
    /// rate its queue never drains, which turns a few percent of run time into about twice the mean completion.
    /// </summary>
    [Fact]
    public void Fastest_is_simulated_slower_than_it_ran()
    {
        List<TaskKind> kinds = [.. WorkloadFunction.Mix.SelectMany(f => InputSizes.Select(size => new TaskKind(f, size)))];
        var medianSum = ArrivalSequence.Generate(20261123, 150, 1.78, kinds).Sum(a => Measured[kinds.IndexOf(a.Kind)][0]);
        Assert.True(medianSum / 1000 > RecordedFastestMakespanSeconds, $"150 measured medians on node-a add up to {medianSum / 1000:0.0} s");
    }

    private const double RecordedFastestMakespanSeconds = 100.8;
}
