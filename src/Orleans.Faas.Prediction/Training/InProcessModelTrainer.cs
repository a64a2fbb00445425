using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Store;

namespace Orleans.Faas.Prediction.Training;

/// <summary>
/// Trains on this process's thread pool. For tests and tools only: FastTree calls <see cref="GC.Collect()"/> while it
/// trains, which would stall a silo; a silo uses <see cref="OutOfProcess.OutOfProcessModelTrainer"/>.
/// </summary>
public sealed class InProcessModelTrainer(TrainingSettings settings) : IModelTrainer
{
    public Task<TrainingOutcome> TrainAsync(IReadOnlyList<TrainingRow> rows, StoredModel? incumbent, CancellationToken cancellationToken) =>
        Task.Run(() => ModelTraining.Train(rows, incumbent?.ToRuntimeModel(), settings), cancellationToken);
}
