using System.ComponentModel.DataAnnotations;
using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Trees;

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

    /// <summary>
    /// What the trees learn. The residual over the linear model leaves them only what it misses and follows it beyond
    /// the run times trained on; <c>bench.sh features</c> cross-validates both on the same folds.
    /// </summary>
    public TreeTarget Target { get; init; } = TreeTarget.ResidualOverLinear;

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
