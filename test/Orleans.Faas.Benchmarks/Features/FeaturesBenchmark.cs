using System.CommandLine;
using Orleans.Faas.Benchmarks.Decisions;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;
using Orleans.Faas.Providers;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Features;

/// <summary>
/// What declared features buy the runtime model: FastTree's cross-validated error, by the platform's own
/// <see cref="CrossValidation"/>, on runs whose time follows a declared feature and not the input size
/// (<see cref="FeatureWorkload"/>), with the features in their slots and, on the same runs and folds, without them.
/// The linear efficiency model is the baseline beside both. Then what the trees are fitted to: the log wall time
/// (before) against its residual over the linear model (now), on the same rows and folds, on these runs and on the
/// decisions benchmark's synthetic ones.
/// </summary>
public static class FeaturesBenchmark
{
    private const int Seed = 20261206;

    /// <summary>The target: with the features, at most half the error without them.</summary>
    private const double TargetRatio = 0.5;

    public static Command Command()
    {
        var rows = new Option<int>("--rows") { Description = "Finished runs to cross-validate on", DefaultValueFactory = _ => 600 };
        var command = new Command("features", "FastTree's cross-validated MAPE with and without the declared features, on runs that follow them, in process") { rows };
        command.SetAction(parsed => Run(parsed.GetValue(rows)));
        return command;
    }

    public static void Run(int count)
    {
        var settings = TrainingSettings.Default;
        var with = CrossValidation.Run(FeatureWorkload.Rows(count, Seed, withFeatures: true), incumbent: null, settings);
        var without = CrossValidation.Run(FeatureWorkload.Rows(count, Seed, withFeatures: false), incumbent: null, settings);

        var table = new Table().Title($"Runtime model on {count} runs of classify (conv_layers), render (frames) and compress (input size), {with.Candidate.Folds} folds")
            .AddColumns("model", "MAPE", "MAE ms", "R² (log)", "MAPE / without");
        AddRow(table, "linear efficiency (baseline)", with.Linear, without.Candidate);
        AddRow(table, "FastTree without declared features", without.Candidate, without.Candidate);
        AddRow(table, "FastTree with declared features", with.Candidate, without.Candidate);
        ResultTable.Write(table);
        var residualWins = CompareTargets(count, settings);

        var ratio = with.Candidate.Mape / without.Candidate.Mape;
        Console.WriteLine($"FastTree MAPE with declared features {with.Candidate.Mape:P1}, without {without.Candidate.Mape:P1} (ratio {ratio:0.00}); "
            + $"target ≤ {TargetRatio:0.0}× without: {Verdict.Of(ratio <= TargetRatio)}");
        Console.WriteLine($"FastTree on the residual over the linear model below FastTree on the log wall time on every workload: {Verdict.Of(residualWins)}");
    }

    /// <returns>Whether the residual target gave the lower MAPE on every workload.</returns>
    private static bool CompareTargets(int count, TrainingSettings settings)
    {
        var scored = Efficiency.Score(SimulatedProviders.Create(1_000, ProfiledFunction.WarmKey, Seed).Snapshots, SimulatedProviders.Reference);
        (string Name, IReadOnlyList<TrainingRow> Rows)[] workloads =
        [
            ("features: with declared features", FeatureWorkload.Rows(count, Seed, withFeatures: true)),
            ("features: without declared features", FeatureWorkload.Rows(count, Seed, withFeatures: false)),
            ("decisions: 1,000 simulated providers", SyntheticRuns.Rows(scored, count, Seed)),
        ];
        var table = new Table().Title($"FastTree's target, on the same {count} runs and folds each: log wall time (before) against residual over linear (now)")
            .AddColumns("workload", "linear MAPE", "FastTree log wall MAPE", "FastTree residual MAPE", "change (points)");
        var wins = true;
        foreach (var (name, rows) in workloads)
        {
            var logWall = CrossValidation.Run(rows, incumbent: null, settings with { Target = TreeTarget.LogWall });
            var residual = CrossValidation.Run(rows, incumbent: null, settings with { Target = TreeTarget.ResidualOverLinear });
            table.AddRow(name, logWall.Linear.Mape.ToString("P1"), logWall.Candidate.Mape.ToString("P1"), residual.Candidate.Mape.ToString("P1"),
                (100 * (residual.Candidate.Mape - logWall.Candidate.Mape)).ToString("+0.0;-0.0"));
            wins &= residual.Candidate.Mape < logWall.Candidate.Mape;
        }
        ResultTable.Write(table);
        return wins;
    }

    private static void AddRow(Table table, string model, ModelMetrics metrics, ModelMetrics without) =>
        table.AddRow(model, metrics.Mape.ToString("P1"), metrics.MaeMs.ToString("0.0"), metrics.R2.ToString("0.000"), (metrics.Mape / without.Mape).ToString("0.00"));
}
