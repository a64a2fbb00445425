using System.CommandLine;
using System.Diagnostics;
using Orleans.Faas.Models;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// Placement at 10, 100 and 1,000 providers of mixed real device classes, in virtual time through the platform's own
/// placement code (<see cref="PlacementSimulation"/>): for each size, a model trained on that cluster's history, then
/// Poisson and bursty arrivals at 50, 70 and 90% of capacity, with node failures, given alike to every placement.
/// </summary>
public static class SimulatorBenchmark
{
    /// <summary>Cluster sizes and the tasks of each arrival sequence there: fewer per slot as decisions get dearer, so a full run takes minutes.</summary>
    public static readonly (int Providers, int Tasks)[] Sizes = [(10, 2_000), (100, 6_000), (1_000, 12_000)];
    public static readonly double[] Loads = [0.5, 0.7, 0.9];

    /// <summary>History runs the model of each cluster is trained on: the training window.</summary>
    private const int HistoryTasks = 1_000;

    public static Command Command()
    {
        var seed = new Option<int>("--seed") { Description = "Seeds the cluster's workloads and failures", DefaultValueFactory = _ => 20261206 };
        var scale = new Option<double>("--scale") { Description = "Scales the tasks of every arrival sequence", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output") { Description = "The folder the charts go to", DefaultValueFactory = _ => "." };
        var command = new Command("simulate", "Placement policies at 10, 100 and 1,000 simulated providers of real device classes, through the platform's placement code in virtual time")
        {
            seed, scale, output,
        };
        command.SetAction(parsed => Run(parsed.GetValue(seed), parsed.GetValue(scale), parsed.GetValue(output)!));
        return command;
    }

    public static async Task Run(int seed, double scale, string output)
    {
        Directory.CreateDirectory(output);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"seed {seed}; node classes:");
        foreach (var (c, weight) in NodeClasses.Mix)
            Console.WriteLine($"  {c.Name,-10} {c.Device,-28} weight {weight,2}/20, {c.Slots,2} slots, cpu {c.Cpu:0.00}, memory {c.Memory:0.00}, io {c.Io:0.000}, gpu {c.Gpu?.ToString("0.000") ?? "none"}, cold start {c.ColdStartMs:0} ms");
        var scenarios = new List<SimulationScenario>();
        foreach (var (providers, perRun) in Sizes)
        {
            var cluster = SimulatedCluster.Create(providers);
            var tasks = (int)(scale * perRun);
            var models = await Trained(cluster, seed);
            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {providers:N0} providers, {cluster.Sum(n => n.Spec.Slots):N0} slots; {tasks:N0} tasks per run; model: "
                + $"{models.CurrentInfo!.Kind} on {models.CurrentInfo.TrainingRows} history runs, cross-validated MAPE {models.CurrentInfo.Metrics.Mape:P1} (linear {models.CurrentInfo.Linear.Mape:P1})");
            var ofSize = new List<SimulationScenario>();
            foreach (var pattern in Enum.GetValues<ArrivalPattern>())
            {
                foreach (var load in Loads)
                {
                    var scenario = Scenario(cluster, models, pattern, load, tasks, seed);
                    SimulationReport.Scenario(scenario);
                    ofSize.Add(scenario);
                }
            }
            SimulationCharts.Completion(ofSize, p99: false, Path.Combine(output, $"simulate-{providers}-mean.png"));
            SimulationCharts.Completion(ofSize, p99: true, Path.Combine(output, $"simulate-{providers}-p99.png"));
            scenarios.AddRange(ofSize);
        }
        SimulationReport.Targets(scenarios);
        Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] done; charts in {Path.GetFullPath(output)}");
    }

    /// <summary>The cluster's model, trained on its history: a workload of its own at half its capacity.</summary>
    public static Task<RuntimeModels> Trained(IReadOnlyList<(NodeSpec Spec, NodeClass Class)> cluster, int seed) =>
        HistoryModel.TrainAsync(MixedWorkload.Create(cluster, HistoryTasks, ArrivalPattern.Poisson, 0.5, failures: false, seed - 1));

    /// <summary>Every placement given the same tasks and failures.</summary>
    public static SimulationScenario Scenario(
        IReadOnlyList<(NodeSpec Spec, NodeClass Class)> cluster, RuntimeModels models, ArrivalPattern pattern, double load, int tasks, int seed)
    {
        var workload = MixedWorkload.Create(cluster, tasks, pattern, load, failures: true, seed);
        return new SimulationScenario(cluster.Count, pattern, load, tasks, [.. SimulatedPlacement.All.Select(p => PlacementSimulation.Run(workload, p, models))]);
    }
}
