using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>
/// Warm vs cold: a sync invoke that finds a warm container interleaved with the same command asked of a hand-started
/// warm container's agent directly (the command's own run time); then, apart, sync invokes that get a fresh container
/// every time (keepWarm off), whose container removals would otherwise load the engine under the warm samples.
/// </summary>
public static class WarmInvokeBenchmark
{
    private const int WarmUpRuns = 3;
    private const string Input = "bench";
    private const double OverheadTargetMs = 3;
    private const double SpeedupTarget = 10;

    public static async Task Run(Uri gateway, string dockerHost, string agentPath, string image, int runs)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        var warm = new GatewayInvoke(http, "bench-warm");
        var cold = new GatewayInvoke(http, "bench-cold");
        await warm.Register(new { name = "bench-warm", image, timeoutSeconds = 30 });
        await cold.Register(new { name = "bench-cold", image, timeoutSeconds = 30, keepWarm = false });
        await using var raw = await RawAgentExec.Start(dockerHost, agentPath, image, "/bin/sh", "/hello.sh");

        var rawRun = new Samples("raw agent request to a warm container");
        var warmRun = new Samples("gateway sync invoke, warm container");
        var coldRun = new Samples("gateway sync invoke, fresh container");
        await Interleaved.Measure(WarmUpRuns, runs, Input, (rawRun, raw.RunOnce), (warmRun, warm.RunOnce));
        await Interleaved.Measure(WarmUpRuns, runs, Input, (coldRun, cold.RunOnce));

        ResultTable.Print($"Warm vs cold invoke of {image}, {runs} runs each", rawRun, warmRun, coldRun);
        var overhead = warmRun.Median - rawRun.Median;
        var speedup = coldRun.Median / warmRun.Median;
        Console.WriteLine($"platform overhead on a warm run (median − raw median): {overhead:0.0} ms; target ≤ {OverheadTargetMs} ms: {Verdict.Of(overhead <= OverheadTargetMs)}");
        Console.WriteLine($"warm vs fresh container: {speedup:0.0}× faster; target ≥ {SpeedupTarget}×: {Verdict.Of(speedup >= SpeedupTarget)}");
    }
}
