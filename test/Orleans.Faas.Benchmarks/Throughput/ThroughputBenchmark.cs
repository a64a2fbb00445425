using Orleans.Faas.Benchmarks.Latency;
using Orleans.Faas.Benchmarks.Measurement;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Throughput;

/// <summary>
/// Async invocations of a no-op function at a fixed concurrency for a fixed time, on each runtime, next to the raw
/// thing that runtime does at the same concurrency: a process spawn, and a request to a warm container's agent.
/// </summary>
public static class ThroughputBenchmark
{
    /// <summary>What each runtime should reach of its raw baseline: a spawn costs the platform more of its own work than a warm request does.</summary>
    private const double ProcessTarget = 0.7;
    private const double DockerTarget = 0.9;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task Run(Uri gateway, string dockerHost, string agentPath, string image, int concurrency, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromMinutes(1),
        };
        var processFunction = new GatewayInvoke(http, "bench-noop-process");
        await processFunction.Register(new { name = "bench-noop-process", runtime = "process", command = new[] { "/bin/true" } });
        var dockerFunction = new GatewayInvoke(http, "bench-noop-docker");
        await dockerFunction.Register(new { name = "bench-noop-docker", image, command = new[] { "true" } });

        var rawSpawn = RawCommand.Spawn("/bin/true");
        var rawWarm = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => RawAgentExec.Start(dockerHost, agentPath, image, "true")));
        try
        {
            // Each worker has its own container, as each of the node's slots gets its own from the warm pool.
            Task RawWarmOnce(int worker) => rawWarm[worker].RunOnce("");
            var processInvoke = new AsyncInvoke(http, "bench-noop-process");
            var dockerInvoke = new AsyncInvoke(http, "bench-noop-docker");
            var pairs = new (Func<int, Task> Baseline, string BaselineName, Func<int, Task> Platform, string PlatformName, double Target)[]
            {
                (_ => rawSpawn.RunOnce(""), "raw spawn of /bin/true", _ => processInvoke.RunOnce(), "async invoke, process runtime", ProcessTarget),
                (RawWarmOnce, "raw agent request to warm containers", _ => dockerInvoke.RunOnce(), "async invoke, docker runtime (warm)", DockerTarget),
            };

            var table = new Table().Title($"Throughput of a no-op function at concurrency {concurrency} for {duration.TotalSeconds:0} s")
                .AddColumns("scenario", "completed", "failed", "tasks/s", "vs raw", "target");
            var samples = new List<ThroughputSample>();
            foreach (var (baseline, baselineName, platform, platformName, target) in pairs)
            {
                await ClosedLoop.Run("warm-up", concurrency, WarmUp, platform);
                var raw = await ClosedLoop.Run(baselineName, concurrency, duration, baseline);
                var ours = await ClosedLoop.Run(platformName, concurrency, duration, platform);
                var ratio = ours.PerSecond / raw.PerSecond;
                samples.AddRange([raw, ours]);
                table.AddRow(raw.Scenario, raw.Completed.ToString(), raw.Failed.ToString(), raw.PerSecond.ToString("0.0"), "1.00", "");
                table.AddRow(ours.Scenario, ours.Completed.ToString(), ours.Failed.ToString(), ours.PerSecond.ToString("0.0"), ratio.ToString("0.00"),
                    $"≥ {target}×: {Verdict.Of(ratio >= target)}");
            }
            ResultTable.Write(table);
            foreach (var sample in samples.Where(s => s.FirstFailure is not null))
                Console.WriteLine($"first failure of '{sample.Scenario}': {sample.FirstFailure}");
        }
        finally
        {
            foreach (var container in rawWarm)
                await container.DisposeAsync();
        }
    }
}
