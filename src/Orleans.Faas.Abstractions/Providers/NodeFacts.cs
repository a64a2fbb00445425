using System.Collections.Immutable;

namespace Orleans.Faas.Providers;

/// <summary>What a node is made of, read from procfs and sysfs when its silo starts, plus what its operator says it is.</summary>
/// <param name="LlcBytes">Size of the last-level cache; null when the node does not expose it.</param>
/// <param name="CacheLineBytes">Coherency line size of the last-level cache; null when not exposed.</param>
/// <param name="CpuMHz">The CPU's maximum frequency (cpufreq), else its current one (cpuinfo); null when neither is exposed.</param>
/// <param name="NumaNodes">Online NUMA nodes; 1 when the kernel shows no NUMA topology.</param>
/// <param name="DeviceClass">The kind of machine as configured by its operator (<c>Faas:Silo:DeviceClass</c>), e.g. "server" or "edge".</param>
/// <param name="CacheCountersUnavailable">Why runs on this node get no LLC counters; null when they do.</param>
/// <param name="CacheWays">Ways of the last-level cache that runs can be given a share of (resctrl L3 allocation, Intel CAT); null when the node cannot allocate cache.</param>
/// <param name="CacheAllocationUnavailable">Why runs on this node get no cache ways of their own; null when they can.</param>
/// <param name="Labels">What its operator says the node offers (<c>Faas:Silo:Labels:&lt;key&gt;</c>, e.g. <c>gpu=true</c>), for functions that require them.</param>
/// <param name="DeviceModel">What machine it is, e.g. "Raspberry Pi 4 Model B Rev 1.4": <c>Faas:Silo:DeviceModel</c>, else the devicetree model, the DMI product name or the CPU model.</param>
/// <param name="MachineId">The machine's own id (<c>/etc/machine-id</c>, the one systemd and Kubernetes use), as a UUID; null when it has none.</param>
/// <param name="CpuCap">The most CPU, in cores, any container on this node gets (<c>Faas:Docker:CpuCap</c>, a testing aid that emulates a slower node); null when uncapped.</param>
[GenerateSerializer, Immutable, Alias("faas.NodeFacts")]
public sealed record NodeFacts(
    [property: Id(0)] string NodeName,
    [property: Id(1)] int Cores,
    [property: Id(2)] long MemoryBytes,
    [property: Id(3)] string CpuModel,
    [property: Id(4)] long? LlcBytes,
    [property: Id(5)] int? CacheLineBytes = null,
    [property: Id(6)] double? CpuMHz = null,
    [property: Id(7)] int NumaNodes = 1,
    [property: Id(8)] string DeviceClass = NodeFacts.UnspecifiedDeviceClass,
    [property: Id(9)] string? CacheCountersUnavailable = null,
    [property: Id(10)] double? CpuCap = null,
    [property: Id(11)] int? CacheWays = null,
    [property: Id(12)] string? CacheAllocationUnavailable = null,
    [property: Id(13)] ImmutableDictionary<string, string>? Labels = null,
    [property: Id(14)] string? DeviceModel = null,
    [property: Id(15)] Guid? MachineId = null)
{
    public const string UnspecifiedDeviceClass = "unspecified";
}
