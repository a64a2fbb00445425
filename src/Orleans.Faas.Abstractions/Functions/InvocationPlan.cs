using System.Collections.Immutable;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Functions;

/// <summary>What every task of a function is made from right now: its latest version, its profile, and its cache need.</summary>
/// <param name="Version">The latest version, without its code file: tasks store <paramref name="Code"/> instead.</param>
/// <param name="ProfilePoints">The latest version's profile, profiled points when there are any, else observed ones.</param>
/// <param name="CacheWays">The cache ways its runs get a share of; null leaves them the whole cache.</param>
/// <param name="Code">The latest version's code file by hash; null when it has none.</param>
[GenerateSerializer, Immutable, Alias("faas.InvocationPlan")]
public sealed record InvocationPlan(
    [property: Id(0)] FunctionVersion Version,
    [property: Id(1)] ImmutableArray<ProfilePoint> ProfilePoints,
    [property: Id(2)] int? CacheWays,
    [property: Id(3)] CodeReference? Code = null);
