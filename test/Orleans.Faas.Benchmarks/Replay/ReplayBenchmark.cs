using System.CommandLine;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Replay;

/// <summary>
/// Why FastTree does or does not beat the linear model on a placement benchmark's runs, offline and in seconds: a
/// model trained by the platform's own training (<see cref="ModelTraining"/>, cross-validation included) and the
/// linear model predict each arrival run of the task log. Trained once on the history the benchmark trains on (its
/// profiling and pinned runs, rebuilt from its report), and once per run on the other arrival runs. Beside them, the
/// floor of any model that cannot tell two runs of a kind on a provider apart. Then the simulator against the runs
/// (<see cref="SimulatorReplay"/>).
/// </summary>
public static class ReplayBenchmark
{
    private const double TargetMape = 0.10;
    private const double TargetRatio = 0.6;

    public static Command Command()
    {
        var from = new Option<string>("--from")
        {
            Description = "A placement benchmark's output folder, with placement-tasks.json and placement.txt",
            DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
        };
        var command = new Command("replay", "FastTree and the linear model on each arrival run of a placement benchmark's task log, trained in process, and the simulator against those runs") { from };
        command.SetAction(parsed => Run(parsed.GetValue(from)!));
        return command;
    }

    public static async Task Run(string folder)
    {
        var report = Path.Combine(folder, "placement.txt");
        var replay = TaskLogReplay.Read(Path.Combine(folder, "placement-tasks.json"), report);
        var settings = TrainingSettings.Default;

        var pinned = PinnedHistory.Rebuild(report, replay);
        var table = NewTable();
        var onPinned = Train(pinned, settings);
        foreach (var heldOut in replay.Runs)
            AddRow(table, "profiling + pinned runs (rebuilt)", onPinned, heldOut);
        foreach (var heldOut in replay.Runs)
            AddRow(table, "the other arrival runs", Train([.. replay.Runs.Where(r => r != heldOut).SelectMany(r => r.Rows)], settings), heldOut);
        ResultTable.Write(table);
        Console.WriteLine("floor: each task predicted by the median wall time of its kind on its provider in the held-out run itself, " +
            "the best any model does whose features cannot tell those runs apart");
        foreach (var (placement, logged) in replay.Logged)
            Console.WriteLine($"{placement} as it ran: FastTree {logged.FastTreeMape:P1}, linear {logged.LinearMape:P1}, " +
                $"FastTree × live correction (what placement used) {logged.UsedMape:P1}, over {logged.Tasks} tasks placed with FastTree");
        await SimulatorReplay.Run(report, replay);
    }

    private static (TrainingOutcome Outcome, FastTreeRuntimeModel Model) Train(IReadOnlyList<TrainingRow> rows, TrainingSettings settings)
    {
        var outcome = ModelTraining.Train(rows, incumbent: null, settings);
        return (outcome, FastTreeRuntimeModel.Load(outcome.Bytes, settings.Target, version: 1));
    }

    private static Table NewTable() =>
        new Table().Title("Runtime model error, mean |predicted − wall| / wall, on each arrival run")
            .AddColumns(["trained on", "held out", "rows", "cross-validated FastTree", "cross-validated linear", "promoted",
                "held-out FastTree", "held-out linear", "FastTree / linear", "floor", "target", "verdict"]);

    private static void AddRow(Table table, string trainedOn, (TrainingOutcome Outcome, FastTreeRuntimeModel Model) trained, ReplayedRun heldOut)
    {
        var (outcome, model) = trained;
        var fastTree = ModelEvaluation.Evaluate(model, heldOut.Rows).Mape;
        var linear = ModelEvaluation.Evaluate(LinearEfficiencyModel.Instance, heldOut.Rows).Mape;
        table.AddRow(trainedOn, heldOut.Placement, $"{outcome.Metrics.Rows}", $"{outcome.Metrics.Mape:P1}", $"{outcome.Linear.Mape:P1}",
            outcome.Better ? "yes" : "no", $"{fastTree:P1}", $"{linear:P1}", $"{fastTree / linear:0.00}", $"{heldOut.CellMedianMape():P1}",
            $"≤ {TargetMape:P0} and ≤ {TargetRatio} × linear", Verdict.Of(fastTree <= TargetMape && fastTree <= TargetRatio * linear));
    }
}
