namespace Orleans.Faas.Client;

/// <summary>What a workload benchmark runs instead of the function's own image, quota, memory or environment, and the secrets it adds.</summary>
public sealed record WorkloadOverrides
{
    public string? Image { get; init; }

    public double? Cpu { get; init; }

    public int? MemoryMiB { get; init; }

    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Secrets of the namespace mounted into the benchmark's containers besides the function's own.</summary>
    public IReadOnlyList<string>? Secrets { get; init; }
}
