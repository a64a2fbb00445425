using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>
/// Warm vs cold: a sync invoke that finds a warm container interleaved with the same command asked of a hand-started
/// warm container's agent directly (the command's own run time) and with the same invoke on a silo that traces it
/// (every span sampled and exported over OTLP to <see cref="OtlpSink"/>); then, apart, sync invokes that get a fresh
/// container every time (keepWarm off), whose container removals would otherwise load the engine under the warm samples.
/// </summary>
public static class WarmInvokeBenchmark
{
    private const int WarmUpRuns = 3;
    private const string Input = "bench";
    private const double OverheadTargetMs = 3;
    private const double SpeedupTarget = 10;
    private const double TracingTargetMs = 0.5;

    /// <param name="tracedGateway">A silo set up as the one at <paramref name="gateway"/>, but exporting its traces to <paramref name="otlpPort"/> on loopback.</param>
    public static async Task Run(Uri gateway, Uri tracedGateway, int otlpPort, string dockerHost, string agentPath, string image, int runs)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        using var tracedHttp = new HttpClient { BaseAddress = tracedGateway, Timeout = TimeSpan.FromMinutes(2) };
        await using var sink = await OtlpSink.Start(otlpPort);
        var warm = new GatewayInvoke(http, "bench-warm");
        var tracedWarm = new GatewayInvoke(tracedHttp, "bench-warm");
        var cold = new GatewayInvoke(http, "bench-cold");
        await warm.Register(new { name = "bench-warm", image, timeoutSeconds = 30 });
        await tracedWarm.Register(new { name = "bench-warm", image, timeoutSeconds = 30 });
        await cold.Register(new { name = "bench-cold", image, timeoutSeconds = 30, keepWarm = false });
        await using var raw = await RawAgentExec.Start(dockerHost, agentPath, image, "/bin/sh", "/hello.sh");

        var rawRun = new Samples("raw agent request to a warm container");
        var warmRun = new Samples("gateway sync invoke, warm container");
        var tracedRun = new Samples("gateway sync invoke, warm container, traced");
        var coldRun = new Samples("gateway sync invoke, fresh container");
        var exportsBefore = sink.Exports;
        await Interleaved.Measure(WarmUpRuns, runs, Input, (rawRun, raw.RunOnce), (warmRun, warm.RunOnce), (tracedRun, tracedWarm.RunOnce));
        await Interleaved.Measure(WarmUpRuns, runs, Input, (coldRun, cold.RunOnce));

        ResultTable.Print($"Warm vs cold invoke of {image}, {runs} runs each", rawRun, warmRun, tracedRun, coldRun);
        var overhead = warmRun.Median - rawRun.Median;
        var speedup = coldRun.Median / warmRun.Median;
        var tracing = tracedRun.Median - warmRun.Median;
        Console.WriteLine($"platform overhead on a warm run (median − raw median): {overhead:0.0} ms; target ≤ {OverheadTargetMs} ms: {Verdict.Of(overhead <= OverheadTargetMs)}");
        Console.WriteLine($"warm vs fresh container: {speedup:0.0}× faster; target ≥ {SpeedupTarget}×: {Verdict.Of(speedup >= SpeedupTarget)}");
        // Exports come every few seconds; none at all would mean the traced silo traced nothing and the comparison says nothing.
        var exports = sink.Exports - exportsBefore;
        Console.WriteLine($"tracing on a warm run (traced median − untraced median): {tracing:0.00} ms, {sink.Bytes / 1024.0:0} KiB of spans in {exports} OTLP exports; "
            + $"target ≤ {TracingTargetMs} ms: {Verdict.Of(tracing <= TracingTargetMs && exports > 0)}");
    }
}
