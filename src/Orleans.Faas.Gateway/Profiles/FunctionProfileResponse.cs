using System.Collections.Immutable;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Gateway.Profiles;

/// <summary>Every point of a function's profile, by input size: profiled on the reference, or observed from its runs.</summary>
public sealed record FunctionProfileResponse(string Function, ImmutableArray<ProfilePoint> Points);
