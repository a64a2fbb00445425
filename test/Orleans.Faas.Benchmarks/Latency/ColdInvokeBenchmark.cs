using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>
/// Sync invoke through the gateway against raw <c>docker run --rm</c> of the same image, interleaved so that
/// both see the same machine state; a few warm-up runs of each are not counted.
/// </summary>
public static class ColdInvokeBenchmark
{
    private const int WarmUpRuns = 2;
    private const string Input = "bench";

    public static async Task Run(Uri gateway, string dockerHost, string image, int runs)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        var invoke = new GatewayInvoke(http, "bench-hello");
        var raw = RawCommand.DockerRun(dockerHost, image);
        // A fresh container for every run, as raw docker run makes one.
        await invoke.Register(new { name = "bench-hello", image, timeoutSeconds = 30, keepWarm = false });

        var rawSamples = new Samples("raw docker run --rm -i");
        var gatewaySamples = new Samples("gateway sync invoke");
        await Interleaved.Measure(WarmUpRuns, runs, Input, (rawSamples, raw.RunOnce), (gatewaySamples, invoke.RunOnce));

        ResultTable.Print($"Cold invoke of {image}, {runs} runs each", rawSamples, gatewaySamples);
    }
}
