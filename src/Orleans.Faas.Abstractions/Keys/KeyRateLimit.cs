namespace Orleans.Faas.Keys;

/// <summary>How many requests a key may make: a bucket of <paramref name="Burst"/> requests refilled at <paramref name="PermitsPerSecond"/>.</summary>
[GenerateSerializer, Immutable, Alias("faas.KeyRateLimit")]
public sealed record KeyRateLimit(
    [property: Id(0)] int PermitsPerSecond,
    [property: Id(1)] int Burst);
