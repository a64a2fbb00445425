using System.ComponentModel.DataAnnotations;
using Orleans.Faas.Prediction.Evaluation;

namespace Orleans.Faas.Prediction.Training;

/// <summary>How a runtime model is trained and when it replaces the current one. The defaults suit a few hundred rows.</summary>
public sealed record TrainingSettings
{
    public static TrainingSettings Default { get; } = new();

    /// <summary>The newest rows trained on; older ones are dropped, so training time stays bounded.</summary>
    [Range(CrossValidation.MinimumRows, int.MaxValue)]
    public int Window { get; init; } = 1000;

    /// <summary>Seeds the fold shuffle and the trees, so the same rows always give the same model.</summary>
    public int Seed { get; init; } = 42;

    [Range(1, 10_000)]
    public int Trees { get; init; } = 150;

    [Range(2, 1024)]
    public int Leaves { get; init; } = 8;

    [Range(1, int.MaxValue)]
    public int MinimumRowsPerLeaf { get; init; } = 3;

    [Range(1e-4, 1)]
    public double LearningRate { get; init; } = 0.1;

    /// <summary>
    /// How much lower, as a fraction, a new model's cross-validated MAPE must be than the linear model's and the
    /// current model's for it to replace them, so that a model no better than the current one never churns it.
    /// </summary>
    [Range(0, 1)]
    public double RequiredImprovement { get; init; } = 0.02;
}
