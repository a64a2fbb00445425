using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Trees;

namespace Orleans.Faas.Prediction.Training;

/// <summary>Trains a new runtime model and says whether it should replace the current one.</summary>
public static class ModelTraining
{
    /// <summary>
    /// Cross-validates a FastTree candidate against the linear model and the incumbent on the newest
    /// <see cref="TrainingSettings.Window"/> rows with a wall time, then trains the model to keep on all of them.
    /// Too few rows give an outcome that is not trained and not better.
    /// </summary>
    /// <param name="rows">Finished runs, newest first.</param>
    /// <param name="incumbent">The current model; null when there is none. It may have been trained on some of these rows, which favours keeping it.</param>
    public static TrainingOutcome Train(IReadOnlyList<TrainingRow> rows, IRuntimeModel? incumbent, TrainingSettings settings)
    {
        var window = rows.Where(r => r.HasWallTime).Take(settings.Window).ToList();
        if (window.Count < CrossValidation.MinimumRows)
            return TrainingOutcome.TooFewRows(window.Count, CrossValidation.MinimumRows);

        var validation = CrossValidation.Run(window, incumbent, settings);
        var model = FastTreeRuntimeModel.Train(window, settings);
        var better = Beats(validation.Candidate, validation.Linear, settings)
            && (validation.Incumbent is null || Beats(validation.Candidate, validation.Incumbent, settings));
        return new TrainingOutcome(model.Kind, model.Save(), validation.Candidate, validation.Linear, validation.Incumbent, better);
    }

    private static bool Beats(ModelMetrics candidate, ModelMetrics other, TrainingSettings settings) =>
        candidate.Mape < other.Mape * (1 - settings.RequiredImprovement);
}
