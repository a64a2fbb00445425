namespace Orleans.Faas.Profiles;

/// <summary>One run's figures, as they go into <see cref="RunStatistics"/>; null where the node could not measure.</summary>
/// <param name="FunctionVersion">The function version that ran; 0 in a sample sent before samples said.</param>
[GenerateSerializer, Immutable, Alias("faas.ExecutionSample")]
public sealed record ExecutionSample(
    [property: Id(0)] long InputSize,
    [property: Id(1)] double WallMs,
    [property: Id(2)] double? CpuMs,
    [property: Id(3)] long? PeakMemoryBytes,
    [property: Id(4)] long? ReadBytes,
    [property: Id(5)] long? WriteBytes,
    [property: Id(6)] long? LlcReferences,
    [property: Id(7)] long? LlcMisses,
    [property: Id(8)] int FunctionVersion = 0);
