using System.Collections.Immutable;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// A kind of machine: how fast one of its slots does each kind of work against the reference class (1 is as fast,
/// above 1 faster), how many slots it offers, and what a new container costs there. The factors are derived from
/// published figures for real devices in <see cref="NodeClasses"/> (docs/benchmarks/simulator.md has the sources).
/// </summary>
/// <param name="Gpu">The speed of GPU work; null for a class without a GPU, which never gets such work.</param>
public sealed record NodeClass(
    string Name,
    string Device,
    int Slots,
    double Cpu,
    double Memory,
    double Io,
    double? Gpu,
    double ColdStartMs,
    long MemoryBytes,
    long LlcBytes)
{
    /// <summary>The label a GPU class carries and a GPU function requires.</summary>
    public static readonly ImmutableDictionary<string, string> GpuLabel = ImmutableDictionary<string, string>.Empty.Add("gpu", "true");

    /// <summary>
    /// The provider's spec: its platform benchmark workloads take the reference's time over its CPU and memory
    /// factors, so its scores are what the platform would measure; IO and GPU speed are not measured by the platform.
    /// </summary>
    public NodeSpec Spec(string id, double referenceBenchmarkMs) => new(
        id,
        new NodeFacts(id, Slots, MemoryBytes, Device, LlcBytes, DeviceClass: Name, Labels: Gpu is null ? null : GpuLabel, DeviceModel: Device),
        Slots,
        ColdStartMs,
        referenceBenchmarkMs / Cpu,
        referenceBenchmarkMs / Memory);
}
