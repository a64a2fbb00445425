using Orleans.Faas.Prediction.Trees;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// How far the run times predicted at placement were from the run times that followed, over the tasks a trained
/// model (FastTree) placed: its own error, and the linear efficiency model's on the same tasks. The model was trained
/// before the arrival runs, so every one of these predictions is held out.
/// </summary>
/// <param name="Tasks">Completed tasks placed with a FastTree prediction.</param>
/// <param name="Completed">Completed tasks, however they were placed.</param>
/// <param name="FastTreeMape">Mean |predicted − wall| / wall, as a fraction; NaN without such tasks.</param>
/// <param name="LinearMape">The same for the linear model's prediction of those tasks.</param>
public sealed record ModelAccuracy(int Tasks, int Completed, double FastTreeMape, double LinearMape)
{
    public static ModelAccuracy HeldOut(IEnumerable<RunResult> runs)
    {
        var completed = runs.SelectMany(run => run.Completed).ToList();
        var placed = completed
            .Select(t => (Placement: t.Task.Placement, WallMs: t.Task.Metrics!.WallMs))
            .Where(t => t.Placement is { ModelKind: FastTreeRuntimeModel.FastTreeKind or FastTreeRuntimeModel.ResidualKind, PredictedRuntimeMs: not null, LinearRuntimeMs: not null })
            .ToList();
        return new ModelAccuracy(
            placed.Count,
            completed.Count,
            Mape(placed.Select(t => (t.Placement!.PredictedRuntimeMs!.Value, t.WallMs))),
            Mape(placed.Select(t => (t.Placement!.LinearRuntimeMs!.Value, t.WallMs))));
    }

    private static double Mape(IEnumerable<(double PredictedMs, double WallMs)> runs) =>
        runs.Select(r => Math.Abs(r.PredictedMs - r.WallMs) / r.WallMs).DefaultIfEmpty(double.NaN).Average();
}
