namespace Orleans.Faas.Client;

/// <summary>A function's expected cost at one input size, from its profile.</summary>
public sealed record ProfileEstimate
{
    public long InputSize { get; init; }

    /// <summary>No point was measured at this size: the figures come from the points in <see cref="Basis"/>.</summary>
    public bool Interpolated { get; init; }

    /// <summary>The size lies outside the measured range, so the nearest points' trend was extended.</summary>
    public bool Extrapolated { get; init; }

    public ProfileSource Source { get; init; }

    public RunStatistics Stats { get; init; } = new();

    /// <summary>The measured sizes the figures come from.</summary>
    public IReadOnlyList<long> Basis { get; init; } = [];
}
