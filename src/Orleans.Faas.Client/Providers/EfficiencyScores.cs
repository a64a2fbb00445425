namespace Orleans.Faas.Client;

/// <summary>A provider's speed against the reference provider (1.0 = as fast), with the spread of the runs and their age.</summary>
public sealed record EfficiencyScores
{
    public double CpuEfficiency { get; init; }

    public double MemoryEfficiency { get; init; }

    public double CpuSpread { get; init; }

    public double MemorySpread { get; init; }

    public DateTimeOffset MeasuredAt { get; init; }

    public double AgeSeconds { get; init; }

    /// <summary>The reference provider the scores are relative to.</summary>
    public string Reference { get; init; } = "";
}
