using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Linear;

namespace Orleans.Faas.Prediction.Trees;

/// <summary>What the trees of a <see cref="FastTreeRuntimeModel"/> are fitted to; a stored model's kind says which.</summary>
public enum TreeTarget
{
    /// <summary>The natural log of the wall time in milliseconds: models of kind <c>fasttree</c>.</summary>
    LogWall,

    /// <summary>
    /// The log wall time less the log of the linear model's prediction, so the trees learn only what the linear model
    /// misses: models of kind <c>fasttree-residual</c>. A row the linear model cannot predict keeps its log wall time
    /// (a base of 1 ms), which the trees tell apart by that row's missing linear figure.
    /// </summary>
    ResidualOverLinear,
}

internal static class TreeTargets
{
    /// <summary>The natural log of what the trees' output is added to: 0 for <see cref="TreeTarget.LogWall"/>.</summary>
    public static double LogBase(this TreeTarget target, RuntimeFeatures features)
    {
        if (target == TreeTarget.LogWall)
            return 0;
        var linear = LinearEfficiencyModel.Instance.PredictMs(features);
        return double.IsFinite(linear) && linear > 0 ? Math.Log(linear) : 0;
    }
}
