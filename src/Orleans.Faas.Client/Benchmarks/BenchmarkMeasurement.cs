namespace Orleans.Faas.Client;

/// <summary>One result of a benchmark job: a workload at a size on a provider (and, in a cache-way sweep, with so many ways).</summary>
public sealed record BenchmarkMeasurement
{
    public string Provider { get; init; } = "";

    public string Workload { get; init; } = "";

    public long InputSize { get; init; }

    public RunStatistics Stats { get; init; } = new();

    public int? CacheWays { get; init; }
}
