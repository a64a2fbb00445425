using System.Diagnostics;
using Orleans.Faas.Benchmarks.Simulation;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// Whether predictive placement wins, on a running cluster of unequal providers: profiles a CPU-bound and a
/// memory-bound workload whose run time follows the input size, short and long tasks mixed, measures the true run time of every kind of task on
/// every provider with pinned runs (which also fill the execution history), trains a runtime model on that history,
/// then gives the same Poisson arrivals to every placement policy and to an oracle that knows the true run times, and
/// compares their completion times.
/// </summary>
public static class PlacementBenchmark
{
    /// <summary>Short tasks (0.25 and 0.5 KiB) and long ones ten times them (2.5 and 5 KiB), as a real mix holds both.</summary>
    private static readonly long[] InputSizes = [256, 512, 2560, 5120];
    private const int ProfileRepetitions = 5;
    private static readonly TimeSpan ScoresPatience = TimeSpan.FromMinutes(10);

    public static async Task Run(PlacementSettings settings)
    {
        Directory.CreateDirectory(settings.Output);
        using var http = new HttpClient { BaseAddress = settings.Gateway, Timeout = TimeSpan.FromMinutes(2) };
        var api = new FaasApi(http);
        var clock = Stopwatch.StartNew();
        void Step(string what) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}, {HostLoad.Describe()}] {what}");

        Step($"waiting until the platform has benchmarked all {settings.Providers} providers");
        var providers = await ScoredProviders(api, settings.Providers);
        List<TaskKind> kinds = [.. WorkloadFunction.Mix.SelectMany(f => InputSizes.Select(size => new TaskKind(f, size)))];

        Step($"profiling the workloads on the reference provider at {string.Join(", ", InputSizes)} bytes");
        foreach (var function in WorkloadFunction.Mix)
        {
            await api.Register(function.Definition(PlacementPolicyKind.Predictive, "profiling"));
            var job = await api.Profile(function.Name, InputSizes, ProfileRepetitions);
            if (job["status"]!.GetValue<string>() != "FINISHED")
                throw new InvalidOperationException($"Profiling {function.Name} failed: {job.ToJsonString()}");
        }

        Step($"measuring true run times: {settings.Repetitions} warm runs of every task pinned to every provider");
        var times = await TrueRunTimes.Measure(api, kinds, providers, settings.Repetitions);
        PlacementReport.TrueRunTimes(times);

        Step("training a runtime model on the execution history");
        var model = await TrainedModel.Train(api);
        Console.WriteLine($"runtime model: {model}");

        var perSecond = settings.Load * times.CapacityPerSecond;
        var arrivals = ArrivalSequence.Generate(settings.Seed, settings.Tasks, perSecond, kinds);
        Console.WriteLine($"workload seed {settings.Seed} (--seed): {arrivals.Count} arrivals at {perSecond:0.00}/s ({settings.Load * 100:0}% of capacity), " +
            $"the last at {arrivals[^1].Offset.TotalSeconds:0} s");

        var runs = new List<(PlacementUnderTest Placement, RunResult Result)>();
        foreach (var placement in PlacementUnderTest.All)
        {
            Step($"{placement.Label}: registering a new version of each function and warming it on every provider");
            foreach (var function in WorkloadFunction.Mix)
                await api.Register(function.Definition(placement.Policy, placement.Label));
            await WarmUp.Run(api, WorkloadFunction.Mix, providers, InputSizes[0]);
            var oracle = placement.IsOracle ? new OracleDispatcher(times) : null;
            runs.Add((placement, await ArrivalRun.Run(api, placement.Label, arrivals, (kind, now) => oracle?.Place(kind, now))));
        }

        PlacementReport.Placements(runs, providers);
        RealRunCheck.Print("the pinned runs", await RealRunCheck.Compare(times.Providers, times.Kinds, times.Ms, arrivals, [.. runs.Select(r => (r.Placement, r.Result.Completion.Mean))], settings.Seed));
        var observed = new ObservedRunTimes([.. runs.Select(r => r.Result.Completed.Select(t => (t.Arrival.Kind.ToString(), t.Task.Provider!, t.Task.Metrics!.WallMs)))], times.Ms);
        RealRunCheck.Print("each kind's median on each provider in that run", await RealRunCheck.CompareEach(
            times.Providers, times.Kinds, arrivals, [.. runs.Select((r, i) => (r.Placement, r.Result.Completion.Mean, observed.InRun(i)))], settings.Seed));
        var predictive = runs.Single(r => r.Placement == PlacementUnderTest.Predictive).Result;
        PlacementReport.Model(model, ModelAccuracy.HeldOut([predictive]), ModelAccuracy.HeldOut(runs.Select(r => r.Result)));

        var completionChart = Path.Combine(settings.Output, "placement-completion.png");
        var predictionChart = Path.Combine(settings.Output, "placement-predictions.png");
        var taskLog = Path.Combine(settings.Output, "placement-tasks.json");
        PlacementCharts.Completion([.. runs.Select(r => r.Result)], completionChart);
        PlacementCharts.Predictions(predictive, predictionChart);
        TaskLog.Write(runs.Select(r => r.Result), taskLog);
        Step($"done; charts: {completionChart} and {predictionChart}; every task: {taskLog}");
    }

    /// <summary>The ids of the providers, the reference first and the others by name, once the expected number is ready and scored against the reference.</summary>
    private static async Task<IReadOnlyList<string>> ScoredProviders(FaasApi api, int expected)
    {
        var providers = await Poll.UntilAsync(
            api.Providers, providers => providers.Count >= expected && providers.All(p => p.Status == ProviderStatus.Ready && p.Scores is not null),
            ScoresPatience, $"{expected} providers to be ready and scored", TimeSpan.FromSeconds(2));
        foreach (var p in providers.OrderBy(p => p.Id, StringComparer.Ordinal))
            Console.WriteLine($"  {p.Id}: cpu {p.Scores!.CpuEfficiency:0.00}, memory {p.Scores.MemoryEfficiency:0.00}{(p.IsReference ? " (reference)" : "")}");
        return [.. providers.OrderByDescending(p => p.IsReference).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id)];
    }
}
