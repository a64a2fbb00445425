using System.Collections.Immutable;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Benchmarks.Placement;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// The simulator checked against the real placement benchmark: configured with its providers (one slot each, warm,
/// scored by the true run times of the CPU and memory workloads, which are the platform's benchmark workloads), the
/// median run time it measured of every task on every provider, its arrivals and a model trained on a simulated
/// history of the same tasks, each placement's simulated mean completion must be within
/// <see cref="RealRunComparison.Tolerance"/> of the real one.
/// </summary>
public static class RealRunCheck
{
    /// <summary>
    /// The random policy draws differently every run, and so does round-robin, whose turn is each silo's own while a
    /// task is placed by any silo: their simulated mean is over this many runs.
    /// </summary>
    private const int RandomRuns = 20;

    private const int HistoryTasks = 400;

    /// <param name="providers">The providers' ids, the reference first.</param>
    /// <param name="ms">The true (median) run time of a kind of task on a provider.</param>
    /// <param name="real">Each placement of the real run and its mean completion, in milliseconds.</param>
    public static async Task<IReadOnlyList<RealRunComparison>> Compare(
        IReadOnlyList<string> providers,
        IReadOnlyList<TaskKind> kinds,
        Func<TaskKind, string, double> ms,
        IReadOnlyList<Arrival> arrivals,
        IReadOnlyList<(PlacementUnderTest Placement, double RealMeanMs)> real,
        int seed)
    {
        var nodes = providers.Select(p => Node(p, kinds, ms)).ToList();
        var perSecond = arrivals.Count / arrivals[^1].Offset.TotalSeconds;
        var history = Workload(nodes, ArrivalSequence.Generate(seed + 1, HistoryTasks, perSecond, kinds), providers[0], ms);
        var models = await HistoryModel.TrainAsync(history);
        var workload = Workload(nodes, arrivals, providers[0], ms);
        return [.. real.Select(r =>
        {
            var placement = r.Placement.IsOracle ? SimulatedPlacement.Oracle : SimulatedPlacement.Of(r.Placement.Policy);
            var runs = placement == SimulatedPlacement.Random || placement == SimulatedPlacement.RoundRobin ? RandomRuns : 1;
            var simulated = Enumerable.Range(0, runs).Select(draw => PlacementSimulation.Run(workload, placement, models, draw: draw).Completion.Mean).ToList();
            return new RealRunComparison(r.Placement.Label, r.RealMeanMs, simulated.Average(), simulated.Min(), simulated.Max());
        })];
    }

    /// <summary>Each placement simulated with the run times of its own real run (<see cref="ObservedRunTimes.InRun"/>).</summary>
    public static async Task<IReadOnlyList<RealRunComparison>> CompareEach(
        IReadOnlyList<string> providers,
        IReadOnlyList<TaskKind> kinds,
        IReadOnlyList<Arrival> arrivals,
        IReadOnlyList<(PlacementUnderTest Placement, double RealMeanMs, Func<TaskKind, string, double> Ms)> real,
        int seed)
    {
        var comparisons = new List<RealRunComparison>();
        foreach (var (placement, realMeanMs, ms) in real)
            comparisons.AddRange(await Compare(providers, kinds, ms, arrivals, [(placement, realMeanMs)], seed));
        return comparisons;
    }

    /// <param name="runTimes">Where the run times the simulator was given come from.</param>
    public static void Print(string runTimes, IReadOnlyList<RealRunComparison> comparisons)
    {
        var table = new Table().Title($"The simulator against this run: mean completion per placement, same providers and arrivals, run times from {runTimes}")
            .AddColumns("placement", "real mean s", "simulated mean s", "simulated runs, least to most s", "simulated / real", "target", "verdict");
        foreach (var c in comparisons)
        {
            table.AddRow(c.Placement, (c.RealMeanMs / 1000).ToString("0.00"), (c.SimulatedMeanMs / 1000).ToString("0.00"),
                c.LeastMs == c.MostMs ? "" : $"{c.LeastMs / 1000:0.00} to {c.MostMs / 1000:0.00}", c.Ratio.ToString("0.00"),
                $"within {RealRunComparison.Tolerance:P0}", Verdict.Of(c.Met));
        }
        ResultTable.Write(table);
        Console.WriteLine($"simulated random and round-robin: the mean of {RandomRuns} runs, as they draw differently each time " +
            "(round-robin's turn is each silo's own, and each task is placed by one of the silos at random)");
    }

    /// <summary>A one-slot provider whose benchmark workloads took what the CPU and memory tasks take there on average.</summary>
    private static NodeSpec Node(string id, IReadOnlyList<TaskKind> kinds, Func<TaskKind, string, double> ms)
    {
        double Mean(string workload) => kinds.Where(k => k.Function.Workload == workload).Average(k => ms(k, id));
        return new NodeSpec(id, new NodeFacts(id, 1, 8L << 30, "measured", null), Slots: 1, ColdStartMs: 0, Mean("cpu"), Mean("memory"));
    }

    /// <summary>The arrivals as simulated tasks, every function warm on every provider, as the real run warms them; one silo per provider.</summary>
    private static SimulatedWorkload Workload(IReadOnlyList<NodeSpec> nodes, IReadOnlyList<Arrival> arrivals, string reference, Func<TaskKind, string, double> ms)
    {
        var tasks = arrivals.Select(a => new SimulatedTask(
            a.Index,
            a.Offset.TotalMilliseconds,
            Definition(a.Kind.Function),
            a.Kind.InputBytes,
            Profile(a.Kind, ms(a.Kind, reference)),
            provider => ms(a.Kind, provider))).ToList();
        return new SimulatedWorkload(nodes, tasks, [], WarmAtStart: 1, Silos: nodes.Count);
    }

    /// <summary>As the benchmark registers it: one core, kept warm, placed by the policy under test.</summary>
    private static FunctionDefinition Definition(WorkloadFunction function) =>
        new(function.Name, FunctionRuntime.Docker, "faas-bench", [], ImmutableDictionary<string, string>.Empty,
            Cpu: 1, MemoryMiB: 128, TimeSpan.FromSeconds(120), Placement: new PlacementSpec(null, ImmutableDictionary<string, string>.Empty));

    /// <summary>The profile on the reference: its run time there, all of it on the CPU (both workloads keep one core busy).</summary>
    private static ProfileEstimate Profile(TaskKind kind, double referenceMs) =>
        new(kind.InputBytes, Interpolated: false, Extrapolated: false, ProfileSource.Profiled,
            new RunStatistics(referenceMs, referenceMs * 0.95, referenceMs * 1.05, 0.1, 5, referenceMs, null, null, null, null, null),
            [kind.InputBytes]);
}
