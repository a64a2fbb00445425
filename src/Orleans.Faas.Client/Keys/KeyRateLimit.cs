namespace Orleans.Faas.Client;

/// <summary>A key's own request rate on each gateway: a bucket of <see cref="Burst"/> requests refilled at <see cref="PermitsPerSecond"/>.</summary>
public sealed record KeyRateLimit
{
    public int PermitsPerSecond { get; init; }

    /// <summary>Requests it may make at once; 0 is the same as <see cref="PermitsPerSecond"/>.</summary>
    public int Burst { get; init; }
}
