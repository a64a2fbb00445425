using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Faas.Benchmarks.Decisions;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// The runtime model a simulated cluster would have: a history workload runs first, placed round-robin (deterministic) so every kind
/// of provider sees every kind of task, with no trained model yet; then the platform's own training
/// (<see cref="ModelTraining"/>, cross-validated, default settings) learns from its finished runs, and the silo's
/// <see cref="RuntimeModels"/> load the result.
/// </summary>
public static class HistoryModel
{
    public static async Task<RuntimeModels> TrainAsync(SimulatedWorkload history)
    {
        var rows = new List<TrainingRow>(history.Tasks.Count);
        PlacementSimulation.Run(history, SimulatedPlacement.RoundRobin, Untrained(), rows);
        rows.Reverse();
        return await SyntheticModel.TrainAsync(rows);
    }

    /// <summary>A silo's models before any training: the linear efficiency model only.</summary>
    public static RuntimeModels Untrained() => new(new InMemoryModelStore(), NullLogger<RuntimeModels>.Instance);
}
