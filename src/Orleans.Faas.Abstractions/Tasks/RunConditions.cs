using Orleans.Faas.Cache;

namespace Orleans.Faas.Tasks;

/// <summary>The conditions one run met on its node, as its runner saw them: what a predictor needs beside the cost.</summary>
/// <param name="Cold">A new container was created and started for this run; false for a warm container or a process.</param>
/// <param name="ContainerMs">How long getting the container took (renting a warm one, or creating and starting a new one), apart from the run; null for a process.</param>
/// <param name="CpuQuota">The CPU quota, in cores, the run got; null when it had none (a process).</param>
/// <param name="CacheAllocation">The share of the node's L3 cache the run got, or why it got none; null when it asked for none or its node cannot allocate cache.</param>
[GenerateSerializer, Immutable, Alias("faas.RunConditions")]
public sealed record RunConditions(
    [property: Id(0)] bool Cold,
    [property: Id(1)] double? ContainerMs,
    [property: Id(2)] double? CpuQuota,
    [property: Id(3)] CacheAllocationDecision? CacheAllocation = null);
