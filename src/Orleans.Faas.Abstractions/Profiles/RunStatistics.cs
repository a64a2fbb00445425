namespace Orleans.Faas.Profiles;

/// <summary>
/// What several runs of one workload at one input size cost, as medians, with the spread of the wall time.
/// A value no run measured is null, never zero.
/// </summary>
/// <param name="WallMs">Median wall time of the runs themselves (not getting their containers).</param>
/// <param name="WallQ1Ms">First quartile of the wall times.</param>
/// <param name="WallQ3Ms">Third quartile of the wall times.</param>
/// <param name="WallSpread">Relative interquartile range of the wall times: (Q3 - Q1) / median.</param>
/// <param name="Samples">How many runs the figures come from.</param>
[GenerateSerializer, Immutable, Alias("faas.RunStatistics")]
public sealed record RunStatistics(
    [property: Id(0)] double WallMs,
    [property: Id(1)] double WallQ1Ms,
    [property: Id(2)] double WallQ3Ms,
    [property: Id(3)] double WallSpread,
    [property: Id(4)] int Samples,
    [property: Id(5)] double? CpuMs,
    [property: Id(6)] double? PeakMemoryBytes,
    [property: Id(7)] double? ReadBytes,
    [property: Id(8)] double? WriteBytes,
    [property: Id(9)] double? LlcReferences,
    [property: Id(10)] double? LlcMisses);
