namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>A function's cache need: how many L3 ways it needs to run about as fast as with the most ways measured.</summary>
public static class CacheKnee
{
    /// <summary>5%: slower than that with fewer ways counts as needing more of them.</summary>
    public const double DefaultTolerance = 0.05;

    /// <summary>
    /// The fewest ways from which on every runtime measured, with those ways or more, is at most
    /// (1 + <paramref name="tolerance"/>) times the runtime with the most ways.
    /// </summary>
    /// <remarks>
    /// Requiring every larger way count to stay within, not just the answer itself, keeps a lucky fast run with few ways
    /// from passing for the knee of a noisy curve; an unlucky slow run with many ways errs towards more ways, which only
    /// costs cache. Runs faster than the one with the most ways are within any tolerance.
    /// </remarks>
    /// <param name="points">One runtime per way count, in any order; summarize repeated runs first, e.g. by their median.</param>
    /// <param name="tolerance">How much slower than with the most ways still counts as enough, as a fraction (0.05 is 5%).</param>
    /// <exception cref="ArgumentException">No points, or two for the same way count.</exception>
    public static int Find(IReadOnlyList<(int Ways, double WallMs)> points, double tolerance = DefaultTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (points.Count == 0)
            throw new ArgumentException("At least one runtime is needed to find a cache knee.", nameof(points));
        if (points.DistinctBy(p => p.Ways).Count() != points.Count)
            throw new ArgumentException("Give one runtime per way count; summarize repeated runs first.", nameof(points));

        var mostWaysFirst = points.OrderByDescending(p => p.Ways).ToList();
        var limit = mostWaysFirst[0].WallMs * (1 + tolerance);
        var knee = mostWaysFirst[0].Ways;
        foreach (var (ways, wallMs) in mostWaysFirst.Skip(1))
        {
            if (wallMs > limit)
                break;
            knee = ways;
        }
        return knee;
    }
}
