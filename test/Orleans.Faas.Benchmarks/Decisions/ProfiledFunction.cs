using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>
/// The function every decision places: a Docker function of one core, profiled on the reference provider at the
/// input size it is invoked with (200 ms, three quarters of it on the CPU, a working set twice a small cache).
/// </summary>
public static class ProfiledFunction
{
    public const string Name = "bench-decide";

    public const long InputSize = 1000;

    private static readonly DateTimeOffset Registered = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static RunStatistics Stats { get; } = new(
        WallMs: 200,
        WallQ1Ms: 190,
        WallQ3Ms: 215,
        WallSpread: 0.125,
        Samples: 5,
        CpuMs: 150,
        PeakMemoryBytes: 16 << 20,
        ReadBytes: 1 << 20,
        WriteBytes: 64 << 10,
        LlcReferences: 2e7,
        LlcMisses: 4e6);

    /// <summary>The version the warm providers hold idle containers of: the predictive placement's, which counts them.</summary>
    public static string WarmKey { get; } = Request(PlacementPolicyKind.Predictive).WarmKey;

    /// <summary>A placement of the function under the given policy, as its task grain would ask for it.</summary>
    public static PlacementRequest Request(PlacementPolicyKind policy)
    {
        var definition = new FunctionDefinition(
            Name,
            FunctionRuntime.Docker,
            "faas-samples/hello:latest",
            [],
            ImmutableDictionary<string, string>.Empty,
            Cpu: 1,
            MemoryMiB: 256,
            FunctionDefinition.DefaultTimeout,
            Placement: new PlacementSpec(policy, ImmutableDictionary<string, string>.Empty));
        var profile = new ProfileEstimate(InputSize, Interpolated: false, Extrapolated: false, ProfileSource.Profiled, Stats, [InputSize]);
        return new PlacementRequest(new FunctionVersion(definition, 1, Registered), InputSize, profile);
    }
}
