using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Prediction.Trees;

/// <summary>From <see cref="TreeRow"/>s to a fitted regression of the log wall time.</summary>
internal static class FastTreePipeline
{
    public const string RawColumn = nameof(TreeRow.Raw);

    public static ITransformer Fit(MLContext ml, IDataView rows, TrainingSettings settings)
    {
        // FastTree skips every training row with a missing figure, and many rows miss one (no cache counters, no quota):
        // missing figures are filled with the column's mean and a 0/1 indicator per figure tells the trees which were.
        var pipeline = ml.Transforms.IndicateMissingValues("Missing", RawColumn)
            .Append(ml.Transforms.Conversion.ConvertType("MissingFlags", "Missing", DataKind.Single))
            .Append(ml.Transforms.ReplaceMissingValues("Filled", RawColumn, MissingValueReplacingEstimator.ReplacementMode.Mean))
            .Append(ml.Transforms.Concatenate("Features", "Filled", "MissingFlags"))
            .Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(TreeRow.Label),
                FeatureColumnName = "Features",
                NumberOfTrees = settings.Trees,
                NumberOfLeaves = settings.Leaves,
                MinimumExampleCountPerLeaf = settings.MinimumRowsPerLeaf,
                LearningRate = settings.LearningRate,
                Seed = settings.Seed,
                // One thread: the same rows always give the same trees, and training leaves the other cores alone.
                NumberOfThreads = 1,
            }));
        return pipeline.Fit(rows);
    }
}
