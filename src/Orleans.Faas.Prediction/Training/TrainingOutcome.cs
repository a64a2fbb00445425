using System.Text.Json.Serialization;
using Orleans.Faas.Models;

namespace Orleans.Faas.Prediction.Training;

/// <summary>A trained model and how it compared, on the same cross-validation folds, with the linear model and the current one.</summary>
/// <param name="Kind">What the bytes hold, to store beside them (<see cref="Trees.FastTreeRuntimeModel.Kind"/>); empty when nothing was trained.</param>
/// <param name="Bytes">The model trained on all rows (<see cref="Trees.FastTreeRuntimeModel.Save"/>); empty when nothing was trained.</param>
/// <param name="Metrics">The new model's cross-validated error.</param>
/// <param name="Linear">The linear efficiency model's error on the same held-out rows.</param>
/// <param name="Incumbent">The current model's error on the same held-out rows; null when there is none.</param>
/// <param name="Better">The new model's MAPE beats the linear model's and the current one's by the required improvement.</param>
/// <param name="NotTrained">Why nothing was trained; null when a model was.</param>
public sealed record TrainingOutcome(
    string Kind,
    byte[] Bytes,
    ModelMetrics Metrics,
    ModelMetrics Linear,
    ModelMetrics? Incumbent,
    bool Better,
    string? NotTrained = null)
{
    [JsonIgnore]
    public bool Trained => NotTrained is null;

    /// <summary>Too few rows to cross-validate: no model, no metrics, never better.</summary>
    public static TrainingOutcome TooFewRows(int rows, int minimum)
    {
        var unmeasured = new ModelMetrics(double.NaN, double.NaN, double.NaN, rows, Folds: 0);
        return new("", [], unmeasured, unmeasured, null, Better: false, $"{rows} rows with a wall time; training needs at least {minimum}.");
    }
}
