using System.Collections.Immutable;

namespace Orleans.Faas.Cache;

/// <summary>
/// How many L3 cache ways a function needs: the knee of its run time against the ways it was given, as a profile job
/// measured it on the reference provider. Its runs get this many ways of their own where their node can allocate cache.
/// </summary>
/// <param name="Ways">The fewest ways with which it ran about as fast as with the most ways measured.</param>
/// <param name="InputSize">The input size it was measured at: the largest the profile job measured.</param>
/// <param name="Points">The median wall time of its runs at each way count measured, fewest ways first.</param>
[GenerateSerializer, Immutable, Alias("faas.CacheNeed")]
public sealed record CacheNeed(
    [property: Id(0)] int Ways,
    [property: Id(1)] long InputSize,
    [property: Id(2)] ImmutableArray<CacheWayPoint> Points);
