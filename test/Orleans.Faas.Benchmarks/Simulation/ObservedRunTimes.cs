using Orleans.Faas.Benchmarks.Placement;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// The run times arrival runs saw: each kind's median wall time on each provider, in each run and over all of them.
/// On one host the providers slow each other down, so a run time depends on how busy the others were; these are the
/// run times to give the simulator when it is checked against those runs.
/// </summary>
/// <param name="runs">Per arrival run, in order, each completed task's kind (as <see cref="TaskKind"/> prints it), provider and wall time.</param>
/// <param name="fallback">For a kind no run placed on a provider.</param>
public sealed class ObservedRunTimes(IReadOnlyList<IEnumerable<(string Kind, string Provider, double WallMs)>> runs, Func<TaskKind, string, double> fallback)
{
    private readonly Dictionary<(string Kind, string Provider), double> _overAll = Medians(runs.SelectMany(r => r));
    private readonly IReadOnlyList<Dictionary<(string Kind, string Provider), double>> _perRun = [.. runs.Select(Medians)];

    /// <summary>The median over every run.</summary>
    public double OverAll(TaskKind kind, string provider) =>
        _overAll.TryGetValue((kind.ToString(), provider), out var ms) ? ms : fallback(kind, provider);

    /// <summary>The median in run <paramref name="run"/>, or over every run where that run placed none of the kind there.</summary>
    public Func<TaskKind, string, double> InRun(int run) => (kind, provider) =>
        _perRun[run].TryGetValue((kind.ToString(), provider), out var ms) ? ms : OverAll(kind, provider);

    /// <summary>The median wall time of each kind on each provider among <paramref name="tasks"/>.</summary>
    public static Dictionary<(string Kind, string Provider), double> Medians(IEnumerable<(string Kind, string Provider, double WallMs)> tasks) =>
        tasks.GroupBy(t => (t.Kind, t.Provider))
            .ToDictionary(g => g.Key, g => SampleStatistics.Quantile([.. g.Select(t => t.WallMs).Order()], 0.5));
}
