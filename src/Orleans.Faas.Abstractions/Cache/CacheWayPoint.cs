namespace Orleans.Faas.Cache;

/// <summary>How long a function's runs took, as their median, with <paramref name="Ways"/> L3 cache ways of their own.</summary>
[GenerateSerializer, Immutable, Alias("faas.CacheWayPoint")]
public sealed record CacheWayPoint(
    [property: Id(0)] int Ways,
    [property: Id(1)] double WallMs);
