namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// Tasks of the <see cref="SimulatedFunction.Mix"/> for a cluster of node classes: each of a function drawn uniformly,
/// its input from a Pareto distribution (heavy-tailed: most small, a few up to 160× the smallest),
/// its run time on each class from the class's factors, times log-normal noise the task carries wherever it runs.
/// Arrivals come at a share of the cluster's capacity; some providers go down during the run and come back empty.
/// </summary>
public static class MixedWorkload
{
    private const double ParetoShape = 1.5;
    private const double MinUnits = 0.25;
    private const double MaxUnits = 40;
    private const double NoiseSigma = 0.1;
    private const double FailingShare = 0.05;

    /// <param name="load">The mean arrival rate as a share of <see cref="CapacityPerSecond"/>.</param>
    /// <param name="failures">Whether a share of the providers goes down during the run.</param>
    public static SimulatedWorkload Create(
        IReadOnlyList<(NodeSpec Spec, NodeClass Class)> cluster, int count, ArrivalPattern pattern, double load, bool failures, int seed)
    {
        var random = new Random(seed);
        var shapes = Shapes(cluster, count, random);
        var times = ArrivalTimes.Generate(pattern, count, load * CapacityPerSecond(cluster, shapes), random);
        var tasks = shapes.Select((shape, i) => shape with { Index = i, ArrivalMs = times[i] }).ToList();
        return new SimulatedWorkload([.. cluster.Select(n => n.Spec)], tasks, failures ? Failures(cluster, times[^1], random) : [], WarmAtStart: 0);
    }

    /// <summary>
    /// Tasks per second the cluster finishes when each provider runs, on every slot, the part of the mix it can
    /// (the GPU function only where there is a GPU): Σ slots / mean run time there.
    /// </summary>
    public static double CapacityPerSecond(IReadOnlyList<(NodeSpec Spec, NodeClass Class)> cluster, IReadOnlyList<SimulatedTask> tasks) =>
        cluster.Sum(node =>
        {
            var runnable = tasks.Where(t => node.Class.Gpu is not null || !t.Definition.Placement!.Requires.ContainsKey("gpu")).ToList();
            return node.Spec.Slots * 1000 / runnable.Average(t => t.RunMs(node.Spec.Id));
        });

    private static List<SimulatedTask> Shapes(IReadOnlyList<(NodeSpec Spec, NodeClass Class)> cluster, int count, Random random)
    {
        var classes = cluster.ToDictionary(n => n.Spec.Id, n => n.Class);
        var tasks = new List<SimulatedTask>(count);
        for (var i = 0; i < count; i++)
        {
            var function = SimulatedFunction.Mix[random.Next(SimulatedFunction.Mix.Count)];
            // Inverse transform of the Pareto distribution, cut at its largest size.
            var units = Math.Min(MaxUnits, MinUnits / Math.Pow(1 - random.NextDouble(), 1 / ParetoShape));
            var noise = Math.Exp(NoiseSigma * Decisions.SyntheticRuns.Gaussian(random));
            tasks.Add(new SimulatedTask(i, 0, function.Definition, SimulatedFunction.InputSize(units), function.Profile(units),
                id => function.RunMs(classes[id], units) * noise));
        }
        return tasks;
    }

    /// <summary>A share of the providers other than the reference, each down once for a fifth of the arrivals' span.</summary>
    private static List<NodeFailure> Failures(IReadOnlyList<(NodeSpec Spec, NodeClass Class)> cluster, double spanMs, Random random)
    {
        var failing = Math.Max(1, (int)(FailingShare * cluster.Count));
        return [.. cluster.Skip(1).OrderBy(_ => random.Next()).Take(failing).Select(node =>
        {
            var down = spanMs * (0.2 + 0.6 * random.NextDouble());
            return new NodeFailure(node.Spec.Id, down, down + spanMs / 5);
        })];
    }
}
