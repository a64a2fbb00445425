namespace Orleans.Faas.Prediction.Trees;

/// <summary>The trees' output column: the predicted natural log of the wall time in milliseconds, less the target's base.</summary>
internal sealed class TreeScore
{
    public float Score { get; set; }
}
