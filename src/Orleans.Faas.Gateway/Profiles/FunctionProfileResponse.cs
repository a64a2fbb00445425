using System.Collections.Immutable;
using Orleans.Faas.Cache;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Gateway.Profiles;

/// <summary>Every point of a function's profile, by input size: profiled on the reference, or observed from its runs.</summary>
/// <param name="CacheNeed">The L3 cache ways its runs get, with the run time at each way count measured; null until a profile on a reference that can allocate cache.</param>
public sealed record FunctionProfileResponse(string Function, ImmutableArray<ProfilePoint> Points, CacheNeed? CacheNeed);
