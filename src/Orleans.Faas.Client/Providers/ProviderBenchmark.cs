namespace Orleans.Faas.Client;

/// <summary>The raw times of the platform's workloads on a provider, which its scores come from.</summary>
public sealed record ProviderBenchmark
{
    public RunStatistics Cpu { get; init; } = new();

    public RunStatistics Memory { get; init; } = new();

    public DateTimeOffset MeasuredAt { get; init; }

    public Guid BenchmarkId { get; init; }
}
