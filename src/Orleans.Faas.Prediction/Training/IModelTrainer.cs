using Orleans.Faas.Models;

namespace Orleans.Faas.Prediction.Training;

/// <summary>Runs <see cref="ModelTraining.Train"/> somewhere: in this process or in a child process.</summary>
public interface IModelTrainer
{
    /// <param name="rows">Finished runs, newest first.</param>
    /// <param name="incumbent">The current model, which the new one must beat; null when there is none.</param>
    Task<TrainingOutcome> TrainAsync(IReadOnlyList<TrainingRow> rows, StoredModel? incumbent, CancellationToken cancellationToken);
}
