namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>How the predictive run's mean completion time must compare with another placement's: at most this ratio of it.</summary>
/// <param name="MaxRatio">Predictive mean / the other's mean must be at most this (below it when <paramref name="Strict"/>).</param>
public sealed record CompletionTarget(double MaxRatio, bool Strict = false)
{
    public bool MetBy(double ratio) => Strict ? ratio < MaxRatio : ratio <= MaxRatio;

    public override string ToString() => MaxRatio switch
    {
        < 1 => $"≥ {(1 - MaxRatio) * 100:0}% below",
        1 => "below",
        _ => $"within {(MaxRatio - 1) * 100:0}%",
    };
}
