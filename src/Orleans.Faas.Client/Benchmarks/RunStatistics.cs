namespace Orleans.Faas.Client;

/// <summary>The median and quartiles of repeated runs' wall time, with the median of every other figure measured.</summary>
public sealed record RunStatistics
{
    public double WallMs { get; init; }

    public double WallQ1Ms { get; init; }

    public double WallQ3Ms { get; init; }

    /// <summary>The interquartile range over the median.</summary>
    public double WallSpread { get; init; }

    public int Samples { get; init; }

    public double? CpuMs { get; init; }

    public double? PeakMemoryBytes { get; init; }

    public double? ReadBytes { get; init; }

    public double? WriteBytes { get; init; }

    public double? LlcReferences { get; init; }

    public double? LlcMisses { get; init; }
}
