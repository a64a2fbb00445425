using System.Collections.Immutable;

namespace Orleans.Faas.Profiles;

/// <summary>A function's expected cost at one input size, from its profile.</summary>
/// <param name="Interpolated">No point was profiled at this size: the figures come from the points in <paramref name="Basis"/>.</param>
/// <param name="Extrapolated">The size lies outside the profiled range, so the nearest points' trend was extended.</param>
/// <param name="Basis">The profiled sizes the figures come from.</param>
[GenerateSerializer, Immutable, Alias("faas.ProfileEstimate")]
public sealed record ProfileEstimate(
    [property: Id(0)] long InputSize,
    [property: Id(1)] bool Interpolated,
    [property: Id(2)] bool Extrapolated,
    [property: Id(3)] ProfileSource Source,
    [property: Id(4)] RunStatistics Stats,
    [property: Id(5)] ImmutableArray<long> Basis);
