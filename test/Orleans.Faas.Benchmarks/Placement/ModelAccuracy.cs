using Orleans.Faas.Prediction.Trees;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// How far the run times predicted at placement were from the run times that followed, over the tasks a trained
/// model (FastTree) placed: its own error, the linear efficiency model's on the same tasks, and the error of the run
/// time placement acted on, the model's times its live correction. The model was trained before the arrival runs,
/// so every one of these predictions is held out.
/// </summary>
/// <param name="Tasks">Completed tasks placed with a FastTree prediction.</param>
/// <param name="Completed">Completed tasks, however they were placed.</param>
/// <param name="FastTreeMape">Mean |predicted − wall| / wall, as a fraction; NaN without such tasks.</param>
/// <param name="LinearMape">The same for the linear model's prediction of those tasks.</param>
/// <param name="UsedMape">The same for the run time the decision assumed (<see cref="UsedRuntimeMs"/>).</param>
public sealed record ModelAccuracy(int Tasks, int Completed, double FastTreeMape, double LinearMape, double UsedMape)
{
    public static ModelAccuracy HeldOut(IEnumerable<RunResult> runs) => Of(runs.SelectMany(run => run.Tasks).Select(t => t.Task));

    /// <param name="tasks">Tasks as the platform reported them; those that did not complete are left out.</param>
    public static ModelAccuracy Of(IEnumerable<TaskView> tasks)
    {
        var completed = tasks.Where(t => t.Status == TaskState.Completed).ToList();
        var placed = completed
            .Select(t => (t.Placement, WallMs: t.Metrics!.WallMs))
            .Where(t => t.Placement is { ModelKind: FastTreeRuntimeModel.FastTreeKind or FastTreeRuntimeModel.ResidualKind, PredictedRuntimeMs: not null, LinearRuntimeMs: not null })
            .ToList();
        return new ModelAccuracy(
            placed.Count,
            completed.Count,
            Mape(placed.Select(t => (t.Placement!.PredictedRuntimeMs!.Value, t.WallMs))),
            Mape(placed.Select(t => (t.Placement!.LinearRuntimeMs!.Value, t.WallMs))),
            Mape(placed.Select(t => (UsedRuntimeMs(t.Placement!), t.WallMs))));
    }

    /// <summary>
    /// The run time the decision assumed: its expected finish less the wait and the cold start, which is the model's
    /// prediction times the live correction (<c>PredictionCorrections</c>) it had for the function on that provider.
    /// </summary>
    public static double UsedRuntimeMs(PlacementDecision decision) => decision.ExpectedFinishMs - decision.ExpectedWaitMs - decision.ColdStartMs;

    private static double Mape(IEnumerable<(double PredictedMs, double WallMs)> runs) =>
        runs.Select(r => Math.Abs(r.PredictedMs - r.WallMs) / r.WallMs).DefaultIfEmpty(double.NaN).Average();
}
