extern alias benchmarks;
using benchmarks::Orleans.Faas.Benchmarks.Simulation;
using Xunit.Abstractions;

namespace Orleans.Faas.Tests.Simulation;

/// <summary>
/// The placement simulator at a small size on a fixed seed: the platform's predictive placement, with a model trained
/// on the simulated cluster's history, finishes tasks sooner on average than least-loaded and random placement.
/// </summary>
public sealed class PlacementSimulationTests(ITestOutputHelper output)
{
    private const int Seed = 20261206;

    [Fact]
    public async Task Predictive_beats_least_loaded_and_random_on_a_fixed_seed()
    {
        var cluster = SimulatedCluster.Create(20);
        var models = await SimulatorBenchmark.Trained(cluster, Seed);
        var scenario = SimulatorBenchmark.Scenario(cluster, models, ArrivalPattern.Poisson, 0.7, 400, Seed);

        foreach (var result in scenario.Results)
            output.WriteLine($"{result.Placement.Label}: mean {result.Completion.Mean:0} ms, p99 {result.Completion.Percentile(99):0} ms");
        var predictive = scenario.Of(SimulatedPlacement.Predictive).Completion.Mean;
        Assert.Equal(400, scenario.Of(SimulatedPlacement.Predictive).Completion.Count);
        Assert.True(predictive < scenario.Of(SimulatedPlacement.LeastLoaded).Completion.Mean, $"predictive {predictive:0} ms against least-loaded");
        Assert.True(predictive < scenario.Of(SimulatedPlacement.Random).Completion.Mean, $"predictive {predictive:0} ms against random");
    }

    [Fact]
    public void Every_task_finishes_once_although_providers_fail_during_the_run()
    {
        var cluster = SimulatedCluster.Create(20);
        var workload = MixedWorkload.Create(cluster, 300, ArrivalPattern.Bursty, 0.9, failures: true, Seed);

        var result = PlacementSimulation.Run(workload, SimulatedPlacement.LeastLoaded, HistoryModel.Untrained());

        Assert.NotEmpty(workload.Failures);
        Assert.True(result.Replaced > 0);
        Assert.Equal(300, result.Completion.Count);
    }
}
