namespace Orleans.Faas.Client;

/// <summary>What a finished run cost and the conditions it ran in; a figure the node could not measure is null.</summary>
public sealed record TaskMetrics
{
    public double WallMs { get; init; }

    public double? CpuMs { get; init; }

    public long? PeakMemoryBytes { get; init; }

    public long? ReadBytes { get; init; }

    public long? WriteBytes { get; init; }

    public long? LlcReferences { get; init; }

    public long? LlcMisses { get; init; }

    /// <summary>Why the cache counters are missing, when they are.</summary>
    public string? CacheCountersUnavailable { get; init; }

    /// <summary>True when the run needed a new container.</summary>
    public bool? Cold { get; init; }

    public double? ContainerMs { get; init; }

    public double? CpuQuota { get; init; }

    public int? RunningAtStart { get; init; }

    public int? QueuedAtStart { get; init; }
}
