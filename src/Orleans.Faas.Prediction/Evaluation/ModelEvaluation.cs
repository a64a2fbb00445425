using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Prediction.Evaluation;

/// <summary>
/// How far a model's predictions are from measured wall times. A row the model cannot predict (no positive, finite
/// prediction) is scored as if it had predicted the typical wall time of the rows (the exponential of their mean
/// log), the guess that knows nothing, so that a model is not rewarded for declining the hard rows.
/// </summary>
public static class ModelEvaluation
{
    /// <summary>The model's error on rows it is given as one held-out set (<see cref="ModelMetrics.Folds"/> is 1).</summary>
    /// <param name="rows">Rows with positive wall times (<see cref="TrainingRow.HasWallTime"/>).</param>
    public static ModelMetrics Evaluate(IRuntimeModel model, IReadOnlyList<TrainingRow> rows) =>
        Score([.. rows.Select(r => new PredictedRow(r.WallMs, model.PredictMs(r.Features)))], folds: 1);

    /// <summary>
    /// MAE in milliseconds, MAPE as a fraction of the measured milliseconds, R² of the log wall time
    /// (<see cref="double.NaN"/> when every wall time is the same, as there is no spread to explain).
    /// </summary>
    internal static ModelMetrics Score(IReadOnlyList<PredictedRow> predictions, int folds)
    {
        if (predictions.Count == 0)
            throw new ArgumentException("There are no rows to score.", nameof(predictions));
        if (predictions.Any(p => !(p.ActualMs > 0)))
            throw new ArgumentException("Every row needs a positive wall time.", nameof(predictions));

        var meanLog = predictions.Average(p => Math.Log(p.ActualMs));
        double absolute = 0, relative = 0, squaredLog = 0, spreadLog = 0;
        foreach (var (actual, predicted) in predictions)
        {
            var guess = double.IsFinite(predicted) && predicted > 0 ? predicted : Math.Exp(meanLog);
            absolute += Math.Abs(actual - guess);
            relative += Math.Abs(actual - guess) / actual;
            squaredLog += Math.Pow(Math.Log(actual) - Math.Log(guess), 2);
            spreadLog += Math.Pow(Math.Log(actual) - meanLog, 2);
        }
        var n = predictions.Count;
        return new ModelMetrics(absolute / n, relative / n, spreadLog > 0 ? 1 - squaredLog / spreadLog : double.NaN, n, folds);
    }

    internal readonly record struct PredictedRow(double ActualMs, double PredictedMs);
}
