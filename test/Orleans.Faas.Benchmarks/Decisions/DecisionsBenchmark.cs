using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>
/// How fast one silo places, in process: <see cref="Placer.Plan"/> then <see cref="Placer.Decide"/> for a profiled
/// function over a view of 100, 1,000 and 10,000 simulated providers, with a real trained FastTree model. The
/// predictive policy with its shortlist is measured beside least-loaded (the baseline, no prediction at all) and
/// beside itself with the trained model asked about every provider (no shortlist), on one and on two threads.
/// </summary>
public static class DecisionsBenchmark
{
    private const int Seed = 20261123;
    private const int TrainingProviders = 1_000;
    private const int TargetProviders = 10_000;
    private const double TargetP99Ms = 1;
    private static readonly int[] ProviderCounts = [100, 1_000, 10_000];
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static Command Command()
    {
        var seconds = new Option<double>("--seconds") { Description = "How long each scenario is measured on each thread count", DefaultValueFactory = _ => 3 };
        var command = new Command("decisions", "Placement decisions per second and their p99 at 100, 1,000 and 10,000 simulated providers, in process") { seconds };
        command.SetAction(parsed => Run(TimeSpan.FromSeconds(parsed.GetValue(seconds))));
        return command;
    }

    public static async Task Run(TimeSpan duration)
    {
        var training = Stopwatch.StartNew();
        var trainedOn = SimulatedProviders.Create(TrainingProviders, ProfiledFunction.WarmKey, Seed).Snapshots;
        var models = await SyntheticModel.TrainAsync(Efficiency.Score(trainedOn, SimulatedProviders.Reference), Seed);
        var info = models.CurrentInfo!;
        Console.WriteLine($"Model: {info.Kind} version {info.Version}, trained in {training.Elapsed.TotalSeconds:0.0} s on {info.TrainingRows} synthetic runs; "
            + $"cross-validated MAPE {info.Metrics.Mape:P1} (linear {info.Linear.Mape:P1}).");
        Console.WriteLine($"Every {DecisionRounds.PerRound} decisions, outside the timing, every provider reports its original load again (a newer revision), "
            + "dropping the reservations the decisions made.");
        // Collections make the tail, and a silo collects as a server (the web SDK's default), which this program does only when told.
        Console.WriteLine(GCSettings.IsServerGC ? "GC: server, as in a silo." : "GC: workstation; a silo runs server GC (DOTNET_gcServer=1 to match it).");

        var shortlist = new SchedulingOptions().Shortlist;
        var predictiveP99 = 0.0;
        foreach (var count in ProviderCounts)
        {
            var providers = SimulatedProviders.Create(count, ProfiledFunction.WarmKey, Seed);
            var view = new ProviderView();
            (string Name, PlacementPolicyKind Policy, int Shortlist)[] scenarios =
            [
                ("least-loaded (baseline)", PlacementPolicyKind.LeastLoaded, shortlist),
                ($"predictive, shortlist {shortlist}", PlacementPolicyKind.Predictive, shortlist),
                ("predictive, no shortlist", PlacementPolicyKind.Predictive, count),
            ];
            var results = scenarios.Select(s => Measure(s.Name, providers, view, SimulatedPlacer.Create(view, models, s.Shortlist), ProfiledFunction.Request(s.Policy), duration)).ToList();
            DecisionTable.Print($"Placement decisions among {count:N0} simulated providers ({providers.ReadyForDocker:N0} ready with Docker), {duration.TotalSeconds:0} s each", results);
            if (count == TargetProviders)
                predictiveP99 = results[1].OneThread.Times.Percentile(99);
        }
        Console.WriteLine($"predictive p99 at {TargetProviders:N0} providers: {predictiveP99 * 1000:N0} µs; target < {TargetP99Ms} ms: {Verdict.Of(predictiveP99 < TargetP99Ms)}");
    }

    private static (DecisionSample OneThread, DecisionSample TwoThreads) Measure(
        string scenario, SimulatedProviders providers, ProviderView view, Placer placer, PlacementRequest request, TimeSpan duration)
    {
        // The view has providers ready, so planning never waits for a refresh and its task is complete on return.
        void Decide() => placer.Decide(placer.Plan(request, pinned: null).GetAwaiter().GetResult(), 0);
        void Reset() => providers.ApplyTo(view);
        DecisionSample Run(int threads)
        {
            DecisionRounds.Run(scenario, Decide, Reset, threads, WarmUp);
            return DecisionRounds.Run(scenario, Decide, Reset, threads, duration);
        }
        return (Run(1), Run(2));
    }
}
