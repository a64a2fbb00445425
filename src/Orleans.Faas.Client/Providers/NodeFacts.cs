namespace Orleans.Faas.Client;

/// <summary>What a node is: cores, memory, CPU and caches, device class and model, and labels; a figure it could not read is null.</summary>
public sealed record NodeFacts
{
    public string NodeName { get; init; } = "";

    public int Cores { get; init; }

    public long MemoryBytes { get; init; }

    public string CpuModel { get; init; } = "";

    public long? LlcBytes { get; init; }

    public int? CacheLineBytes { get; init; }

    public double? CpuMHz { get; init; }

    public int NumaNodes { get; init; }

    public string DeviceClass { get; init; } = "";

    /// <summary>What machine it is: as its operator configured, else its devicetree model, DMI product name or CPU model.</summary>
    public string? DeviceModel { get; init; }

    /// <summary>The machine's own id (<c>/etc/machine-id</c>); null when it has none.</summary>
    public Guid? MachineId { get; init; }

    /// <summary>Why the last-level cache counters cannot be read, when they cannot.</summary>
    public string? CacheCountersUnavailable { get; init; }

    /// <summary>The most cores a function may be given here.</summary>
    public double? CpuCap { get; init; }

    /// <summary>The L3 cache ways runs can be given, when the node can allocate them.</summary>
    public int? CacheWays { get; init; }

    public string? CacheAllocationUnavailable { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
