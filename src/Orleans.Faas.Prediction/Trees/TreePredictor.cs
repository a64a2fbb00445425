using Microsoft.ML;
using Orleans.Faas.Prediction.Features;

namespace Orleans.Faas.Prediction.Trees;

/// <summary>One thread's prediction engine with the row and score it reuses, so a prediction allocates nothing.</summary>
internal sealed class TreePredictor(PredictionEngine<TreeRow, TreeScore> engine)
{
    private readonly TreeRow _row = new();
    private TreeScore _score = new();

    /// <returns>The trees' output: the predicted natural log of the wall time in milliseconds, less the model's <see cref="TreeTarget"/> base.</returns>
    public float PredictLog(RuntimeFeatures features)
    {
        _row.Fill(features);
        engine.Predict(_row, ref _score);
        return _score.Score;
    }
}
