using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Faas.Benchmarks.Placement;
using Orleans.Faas.Benchmarks.Simulation;

namespace Orleans.Faas.Benchmarks.Replay;

/// <summary>
/// The simulator against a placement benchmark's recorded arrival runs, configured three ways: with the true run times of
/// its report (what the benchmark gives it) and with each kind's median wall time on each provider over the arrival
/// runs themselves, over all runs and in each run. Where those agree and the first does not, the simulator is right
/// and the run times it was given are not those the arrival runs saw.
/// </summary>
public static partial class SimulatorReplay
{
    public static async Task Run(string report, TaskLogReplay replay)
    {
        var log = replay.Log;
        var kinds = log.SelectMany(r => r.Tasks).DistinctBy(t => t.Kind)
            .Select(t => (Name: t.Kind, Kind: new TaskKind(WorkloadFunction.Mix.Single(f => f.Name == t.Task.Function), t.Task.InputSize)))
            .ToDictionary(k => k.Name, k => k.Kind);
        var arrivals = log[0].Tasks.Select(t => new Arrival(t.Arrival, TimeSpan.FromMilliseconds(t.OffsetMs), kinds[t.Kind])).OrderBy(a => a.Index).ToList();
        var real = log.Select(r => (Placement: PlacementUnderTest.All.Single(p => p.Label == r.Placement), MeanMs: r.Tasks.Where(t => t.CompletionMs is not null).Average(t => t.CompletionMs!.Value))).ToList();
        var lines = File.ReadAllLines(report);
        var (providers, pinned) = PinnedHistory.ReadTable(lines);
        var seed = int.Parse(lines.Select(l => Seed().Match(l)).First(m => m.Success).Groups["seed"].Value, CultureInfo.InvariantCulture);
        var reference = replay.Reference;
        List<string> ordered = [reference, .. providers.Where(p => p != reference)];
        var observed = new ObservedRunTimes([.. replay.Runs.Select(r => r.Walls)],
            (k, p) => pinned[(k.ToString(), p)]);

        RealRunCheck.Print("the report's true run times", await RealRunCheck.Compare(ordered, [.. kinds.Values], (k, p) => pinned[(k.ToString(), p)], arrivals, real, seed));
        RealRunCheck.Print("each kind's median on each provider over the arrival runs",
            await RealRunCheck.Compare(ordered, [.. kinds.Values], observed.OverAll, arrivals, real, seed));
        RealRunCheck.Print("each kind's median on each provider in that run",
            await RealRunCheck.CompareEach(ordered, [.. kinds.Values], arrivals, [.. real.Select((r, i) => (r.Placement, r.MeanMs, observed.InRun(i)))], seed));
    }

    // "workload seed 20261123 (--seed): 150 arrivals at 0.95/s …"
    [GeneratedRegex(@"workload seed (?<seed>\d+)")]
    private static partial Regex Seed();
}
