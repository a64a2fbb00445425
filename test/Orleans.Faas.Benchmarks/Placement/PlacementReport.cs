using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// The placement benchmark's tables: the true run times it measured, every placement's completion times with the
/// predictive run's beside each and the target it must meet, and the runtime model's error.
/// </summary>
public static class PlacementReport
{
    private const double MaxFastTreeMape = 0.10;
    private const double MaxFastTreeToLinear = 0.6;

    public static void TrueRunTimes(TrueRunTimes times)
    {
        var table = new Table().Title("True run times: median wall ms of warm pinned runs")
            .AddColumns(["task", .. times.Providers]);
        foreach (var kind in times.Kinds)
            table.AddRow([kind.ToString(), .. times.Providers.Select(p => Ms(times.Ms(kind, p)))]);
        table.AddRow(["mean over the mix", .. times.Providers.Select(p => Ms(times.MeanMs(p)))]);
        Write(table);
        Console.WriteLine($"capacity under ideal placement (Σ 1 / mean run time): {times.CapacityPerSecond:0.00} tasks/s");
    }

    public static void Placements(IReadOnlyList<(PlacementUnderTest Placement, RunResult Result)> runs, IReadOnlyList<string> providers)
    {
        var predictive = runs.Single(r => r.Placement == PlacementUnderTest.Predictive).Result.Completion.Mean;
        var table = new Table().Title($"Completion time (finish − submission) of {runs[0].Result.Tasks.Count} tasks per placement, the same arrivals for each")
            .AddColumns(["placement", "done", "failed", "cold", "mean s", "p95 s", "makespan s", .. providers, "host load", "predictive mean / this", "target", "verdict"]);
        foreach (var (placement, result) in runs)
        {
            var ratio = predictive / result.Completion.Mean;
            var target = placement.Target;
            table.AddRow([
                placement.Label,
                result.Completion.Count.ToString(),
                result.Failed.ToString(),
                result.Cold.ToString(),
                Seconds(result.Completion.Mean),
                Seconds(result.Completion.Percentile(95)),
                result.Makespan.TotalSeconds.ToString("0.0"),
                .. providers.Select(p => result.CompletedOn(p).ToString()),
                result.HostLoad?.ToString("0.0") ?? "n/a",
                target is null ? "baseline" : ratio.ToString("0.00"),
                target?.ToString() ?? "",
                target is null ? "" : Verdict(target.MetBy(ratio)),
            ]);
        }
        Write(table);
        Console.WriteLine($"host load: the 1-minute load average as the run's last task finished; above {Environment.ProcessorCount} the host's cores were oversubscribed");
    }

    /// <param name="predictive">The predictive run's error, which the target is about.</param>
    /// <param name="allRuns">The error over every arrival run: every task whose silo predicted with the trained model had a held-out prediction.</param>
    public static void Model(TrainedModel trained, ModelAccuracy predictive, ModelAccuracy allRuns)
    {
        var candidate = trained.Candidate;
        Console.WriteLine($"runtime model: {trained}");
        var crossValidated = candidate is null ? "" : $" (version {candidate.Version}, {candidate.Metrics.Rows} runs, {candidate.Metrics.Folds} folds)";
        var table = new Table().Title("Runtime model error: mean |predicted − wall| / wall")
            .AddColumns(
                "model",
                $"held out: {predictive.Tasks} of {predictive.Completed} tasks of the predictive run",
                $"held out: {allRuns.Tasks} of {allRuns.Completed} tasks of all runs",
                $"cross-validated{crossValidated}",
                "target",
                "verdict");
        var met = predictive.FastTreeMape <= MaxFastTreeMape && predictive.FastTreeMape <= MaxFastTreeToLinear * predictive.LinearMape;
        table.AddRow("FastTree", Percent(predictive.FastTreeMape), Percent(allRuns.FastTreeMape), Percent(candidate?.Metrics.Mape),
            $"≤ {MaxFastTreeMape * 100:0}% and ≤ {MaxFastTreeToLinear:0.#} × linear", Verdict(met));
        table.AddRow("linear efficiency", Percent(predictive.LinearMape), Percent(allRuns.LinearMape), Percent(candidate?.Linear.Mape), "", "");
        table.AddRow("FastTree × live correction (what placement used)", Percent(predictive.UsedMape), Percent(allRuns.UsedMape), "", "", "");
        Write(table);
        if (predictive.Tasks < predictive.Completed)
            Console.WriteLine($"{predictive.Completed - predictive.Tasks} of the predictive run's {predictive.Completed} tasks were placed by a silo predicting with the linear model");
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string Ms(double ms) => ms.ToString("0");

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00");

    private static string Percent(double? fraction) => fraction is { } f && double.IsFinite(f) ? $"{f * 100:0.0}%" : "n/a";

    private static void Write(Table table)
    {
        // Redirected output reports 80 columns; a wrapped table is hard to paste into a note.
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        AnsiConsole.Write(table);
    }
}
