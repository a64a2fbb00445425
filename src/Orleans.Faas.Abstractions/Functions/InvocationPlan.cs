using System.Collections.Immutable;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Functions;

/// <summary>What every task of a function is made from right now: its latest version, its profile, and its cache need.</summary>
/// <param name="ProfilePoints">The latest version's profile, profiled points when there are any, else observed ones.</param>
/// <param name="CacheWays">The cache ways its runs get a share of; null leaves them the whole cache.</param>
[GenerateSerializer, Immutable, Alias("faas.InvocationPlan")]
public sealed record InvocationPlan(
    [property: Id(0)] FunctionVersion Version,
    [property: Id(1)] ImmutableArray<ProfilePoint> ProfilePoints,
    [property: Id(2)] int? CacheWays);
