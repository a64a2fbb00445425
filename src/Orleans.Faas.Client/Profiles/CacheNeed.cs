namespace Orleans.Faas.Client;

/// <summary>The L3 cache ways a function's runs get, found by a way sweep on the reference, with the run time at each count.</summary>
public sealed record CacheNeed
{
    public int Ways { get; init; }

    /// <summary>The input size the sweep ran at.</summary>
    public long InputSize { get; init; }

    public IReadOnlyList<CacheWayPoint> Points { get; init; } = [];
}

/// <summary>The median run time with so many cache ways.</summary>
public sealed record CacheWayPoint(int Ways, double WallMs);
