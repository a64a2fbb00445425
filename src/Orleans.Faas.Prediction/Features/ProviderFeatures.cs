namespace Orleans.Faas.Prediction.Features;

/// <summary>What a placement knows about one provider when it asks for a prediction; null where it does not know.</summary>
/// <param name="CpuEfficiency">The provider's CPU score against the reference provider (above 1 is faster).</param>
/// <param name="MemoryEfficiency">The provider's memory score against the reference provider (above 1 is faster).</param>
/// <param name="CpuQuota">The CPU, in cores, the run would get; null when it would have no quota.</param>
/// <param name="LlcBytes">Size of the node's last-level cache.</param>
/// <param name="MemoryBytes">The node's memory.</param>
/// <param name="Running">Tasks running on the provider when the run would start.</param>
/// <param name="Queued">Tasks waiting on the provider when the run would start.</param>
/// <param name="Cold">The run would need a new container.</param>
public sealed record ProviderFeatures(
    double? CpuEfficiency,
    double? MemoryEfficiency,
    double? CpuQuota,
    long? LlcBytes,
    long? MemoryBytes,
    int Running,
    int Queued,
    bool Cold);
