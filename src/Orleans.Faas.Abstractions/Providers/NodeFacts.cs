namespace Orleans.Faas.Providers;

/// <summary>What a node is made of, read from procfs and sysfs when its silo starts.</summary>
/// <param name="LlcBytes">Size of the last-level cache; null when the node does not expose it.</param>
[GenerateSerializer, Immutable, Alias("faas.NodeFacts")]
public sealed record NodeFacts(
    [property: Id(0)] string NodeName,
    [property: Id(1)] int Cores,
    [property: Id(2)] long MemoryBytes,
    [property: Id(3)] string CpuModel,
    [property: Id(4)] long? LlcBytes);
