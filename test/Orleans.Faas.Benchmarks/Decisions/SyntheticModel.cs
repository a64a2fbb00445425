using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>
/// A real FastTree runtime model, trained here on <see cref="SyntheticRuns"/> (or on given runs) as the cluster's trainer would
/// (cross-validated, default settings), stored as the current version of an in-memory store and loaded from it the
/// way a silo loads a promoted model.
/// </summary>
public static class SyntheticModel
{
    private const int Runs = 1000;

    /// <param name="providers">Scored providers the runs ran on.</param>
    public static Task<RuntimeModels> TrainAsync(IReadOnlyList<ProviderSnapshot> providers, int seed) =>
        TrainAsync(SyntheticRuns.Rows(providers, Runs, seed));

    /// <param name="rows">Finished runs, newest first.</param>
    public static async Task<RuntimeModels> TrainAsync(IReadOnlyList<TrainingRow> rows)
    {
        var outcome = ModelTraining.Train(rows, incumbent: null, TrainingSettings.Default);
        var store = new InMemoryModelStore();
        // Promoted whatever its error: what is measured is what its predictions cost, not how good they are.
        await store.AddAsync(
            new ModelVersionInfo(0, outcome.Kind, DateTimeOffset.UtcNow, rows.Count, outcome.Metrics, outcome.Linear, null, Promoted: true),
            outcome.Bytes,
            CancellationToken.None);
        var models = new RuntimeModels(store, NullLogger<RuntimeModels>.Instance);
        await models.RefreshAsync(CancellationToken.None);
        return models.Current.Kind == outcome.Kind
            ? models
            : throw new InvalidOperationException($"The silo's models did not load the trained model; they predict with '{models.Current.Kind}'.");
    }
}
