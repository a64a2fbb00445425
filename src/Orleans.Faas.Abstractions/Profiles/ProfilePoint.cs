namespace Orleans.Faas.Profiles;

/// <summary>A function's cost at one input size, in reference-provider terms.</summary>
[GenerateSerializer, Immutable, Alias("faas.ProfilePoint")]
public sealed record ProfilePoint(
    [property: Id(0)] long InputSize,
    [property: Id(1)] RunStatistics Stats,
    [property: Id(2)] ProfileSource Source,
    [property: Id(3)] DateTimeOffset MeasuredAt,
    [property: Id(4)] int FunctionVersion);
