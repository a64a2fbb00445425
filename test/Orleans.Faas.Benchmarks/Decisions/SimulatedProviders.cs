using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>
/// A cluster of made-up providers from a fixed seed: nodes of 2 to 64 cores, some CPU-capped or without a cache size,
/// benchmarked 0.5× to 2× as fast as the reference (a few not yet), loaded from idle to queued, some draining or down
/// or without Docker, and a few holding idle warm containers of the benchmark's function version.
/// </summary>
public sealed class SimulatedProviders
{
    public const string Reference = "sim-00000";

    private static readonly DateTimeOffset Registered = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int[] CoreCounts = [2, 4, 8, 16, 32, 64];
    private static readonly long[] CacheMiB = [8, 16, 32, 64, 128];
    private static readonly double[] CpuCaps = [0.5, 1, 2];

    private long _revision;

    private SimulatedProviders(IReadOnlyList<ProviderSnapshot> snapshots) => Snapshots = snapshots;

    /// <summary>As the providers report themselves, before any placement; the first is the reference.</summary>
    public IReadOnlyList<ProviderSnapshot> Snapshots { get; }

    public int ReadyForDocker => Snapshots.Count(p => p.Status == ProviderStatus.Ready && p.Runtimes.Contains(FunctionRuntime.Docker));

    /// <param name="warmKey">The function version (<see cref="WarmKey"/>) the few warm providers hold idle containers of.</param>
    public static SimulatedProviders Create(int count, string warmKey, int seed)
    {
        var random = new Random(seed);
        return new([.. Enumerable.Range(0, count).Select(i => i == 0 ? ReferenceNode() : Node(random, $"sim-{i:D5}", warmKey))]);
    }

    /// <summary>
    /// Applies every snapshot at a revision newer than the last, as if every provider had just reported its load:
    /// the placements reserved in the view since then are forgotten.
    /// </summary>
    public void ApplyTo(ProviderView view)
    {
        _revision++;
        foreach (var snapshot in Snapshots)
            view.Apply(snapshot, _revision);
        view.SetReference(Reference);
    }

    private static ProviderSnapshot ReferenceNode() => new(
        Reference,
        new NodeFacts(Reference, 8, 32L << 30, "simulated", 32L << 20),
        [FunctionRuntime.Docker, FunctionRuntime.Process],
        ProviderStatus.Ready,
        new ProviderLoad(2, 0, 8, PendingMs: 400, ColdStartMs: 800),
        "sim",
        Registered,
        Benchmark(cpuMs: 1000, memoryMs: 1000));

    private static ProviderSnapshot Node(Random random, string id, string warmKey)
    {
        var cores = Pick(random, CoreCounts);
        var running = random.Next(cores + 1);
        var queued = random.NextDouble() < 0.2 ? random.Next(1, cores + 1) : 0;
        var facts = new NodeFacts(
            id,
            cores,
            cores * (2L << 30) * random.Next(1, 5),
            "simulated",
            random.NextDouble() < 0.1 ? null : Pick(random, CacheMiB) << 20,
            CpuCap: random.NextDouble() < 0.1 ? Pick(random, CpuCaps) : null);
        var load = new ProviderLoad(
            running,
            queued,
            cores,
            PendingMs: (running + queued) * random.Next(50, 2000),
            IdleWarm: random.NextDouble() < 0.03 ? ImmutableDictionary<string, int>.Empty.Add(warmKey, random.Next(1, 5)) : null,
            ColdStartMs: random.NextDouble() < 0.7 ? random.Next(300, 1500) : null);
        var status = random.NextDouble() switch
        {
            < 0.04 => ProviderStatus.Draining,
            < 0.05 => ProviderStatus.Down,
            _ => ProviderStatus.Ready,
        };
        ImmutableArray<FunctionRuntime> runtimes = random.NextDouble() < 0.05 ? [FunctionRuntime.Process] : [FunctionRuntime.Docker, FunctionRuntime.Process];
        var benchmark = random.NextDouble() < 0.05 ? null : Benchmark(1000 / (0.5 + 1.5 * random.NextDouble()), 1000 / (0.6 + random.NextDouble()));
        return new ProviderSnapshot(id, facts, runtimes, status, load, "sim", Registered, benchmark);
    }

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];

    /// <summary>A benchmark whose CPU and memory workloads took the given wall times.</summary>
    public static ProviderBenchmark Benchmark(double cpuMs, double memoryMs) =>
        new(Workload(cpuMs), Workload(memoryMs), Registered, Guid.Empty);

    private static RunStatistics Workload(double wallMs) =>
        new(wallMs, wallMs * 0.95, wallMs * 1.05, 0.1, 5, null, null, null, null, null, null);
}
