using Orleans.Faas.Benchmarks.Decisions;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// One simulated provider as the platform sees it when it registers: its node facts, its slots, what a new container
/// costs there, and the wall times of the platform's CPU and memory benchmark workloads there, which its scores
/// against the reference come from.
/// </summary>
public sealed record NodeSpec(string Id, NodeFacts Facts, int Slots, double ColdStartMs, double BenchmarkCpuMs, double BenchmarkMemoryMs)
{
    private static readonly DateTimeOffset Registered = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Its snapshot with the given load and status, as its worker would report it.</summary>
    public ProviderSnapshot Snapshot(ProviderLoad load, ProviderStatus status) => new(
        Id,
        Facts,
        [FunctionRuntime.Docker],
        status,
        load,
        "sim",
        Registered,
        SimulatedProviders.Benchmark(BenchmarkCpuMs, BenchmarkMemoryMs));
}
