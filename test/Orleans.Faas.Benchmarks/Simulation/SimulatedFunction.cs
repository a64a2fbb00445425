using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// A function of the simulated workload: how long it takes on the reference class per unit of input, and what share
/// of that time is CPU, memory, IO and GPU work, each of which a node class does at its own speed.
/// </summary>
public sealed record SimulatedFunction(string Name, double ReferenceMsPerUnit, double Cpu, double Memory, double Io, double Gpu)
{
    /// <summary>Input bytes per unit of work, which the profile's memory and IO figures follow.</summary>
    private const long BytesPerUnit = 1 << 20;

    private static readonly DateTimeOffset Registered = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A mix from milliseconds to minutes: CPU-, memory- and IO-bound functions and one that needs a GPU.</summary>
    public static readonly IReadOnlyList<SimulatedFunction> Mix =
    [
        new("thumbnail", 150, Cpu: 0.8, Memory: 0.2, Io: 0, Gpu: 0),
        new("compress", 400, Cpu: 0.95, Memory: 0.05, Io: 0, Gpu: 0),
        new("aggregate", 300, Cpu: 0.3, Memory: 0.7, Io: 0, Gpu: 0),
        new("ingest", 250, Cpu: 0.4, Memory: 0, Io: 0.6, Gpu: 0),
        new("validate", 20, Cpu: 0.6, Memory: 0.4, Io: 0, Gpu: 0),
        new("infer", 100, Cpu: 0.15, Memory: 0, Io: 0, Gpu: 0.85),
    ];

    public bool NeedsGpu => Gpu > 0;

    /// <summary>The definition the platform holds: one core, kept warm, and the GPU label when it needs one.</summary>
    public FunctionDefinition Definition { get; } = new(
        Name,
        FunctionRuntime.Docker,
        $"sim/{Name}:1",
        [],
        ImmutableDictionary<string, string>.Empty,
        Cpu: 1,
        MemoryMiB: 512,
        FunctionDefinition.DefaultTimeout,
        Placement: new PlacementSpec(null, Gpu > 0 ? NodeClass.GpuLabel : ImmutableDictionary<string, string>.Empty));

    public FunctionVersion Version(PlacementSpec placement) => new(Definition with { Placement = placement }, 1, Registered);

    /// <summary>The true run time on the class at this input, before noise.</summary>
    public double RunMs(NodeClass node, double units) =>
        ReferenceMsPerUnit * units * (Cpu / node.Cpu + Memory / node.Memory + Io / node.Io + (Gpu > 0 ? Gpu / node.Gpu!.Value : 0));

    /// <summary>
    /// What profiling on the reference would have recorded at this input: its wall time, CPU time for the CPU share,
    /// memory and bytes read following the input.
    /// </summary>
    public ProfileEstimate Profile(double units)
    {
        var wallMs = ReferenceMsPerUnit * units;
        var bytes = units * BytesPerUnit;
        var stats = new RunStatistics(wallMs, wallMs * 0.95, wallMs * 1.05, 0.1, 5,
            CpuMs: wallMs * Cpu, PeakMemoryBytes: bytes * (1 + 4 * Memory), ReadBytes: bytes * (1 + 100 * Io), WriteBytes: bytes / 10, null, null);
        return new ProfileEstimate(InputSize(units), Interpolated: false, Extrapolated: false, ProfileSource.Profiled, stats, [InputSize(units)]);
    }

    public static long InputSize(double units) => (long)(units * BytesPerUnit);
}
