using Orleans.Faas.Prediction.Features;

namespace Orleans.Faas.Prediction.Training;

/// <summary>One finished run: the features it was placed on and the wall time it took, in milliseconds.</summary>
public sealed record TrainingRow(RuntimeFeatures Features, double WallMs)
{
    /// <summary>Only a positive, finite wall time has a logarithm to learn.</summary>
    public bool HasWallTime => double.IsFinite(WallMs) && WallMs > 0;
}
