using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>
/// What durable state costs per invocation: a sync invoke of <c>/bin/cat</c> (process runtime) on an embedded silo
/// (in-memory state) and on a cluster silo (PostgreSQL state, Redis membership), next to a raw spawn
/// of the same program; interleaved, after a few warm-up runs.
/// </summary>
public static class StateCostBenchmark
{
    private const int WarmUpRuns = 3;
    private const double ClusterExtraTargetMs = 2;
    private const string Function = "bench-cat";
    private const string Input = "bench";

    public static async Task Run(Uri embedded, Uri cluster, int runs)
    {
        using var embeddedHttp = new HttpClient { BaseAddress = embedded, Timeout = TimeSpan.FromMinutes(1) };
        using var clusterHttp = new HttpClient { BaseAddress = cluster, Timeout = TimeSpan.FromMinutes(1) };
        var paths = new (Samples Samples, Func<string, Task<TimeSpan>> RunOnce)[]
        {
            (new Samples("raw spawn of /bin/cat"), RawCommand.Spawn("/bin/cat").RunOnce),
            (new Samples("embedded silo sync invoke"), new GatewayInvoke(embeddedHttp, Function).RunOnce),
            (new Samples("cluster silo sync invoke"), new GatewayInvoke(clusterHttp, Function).RunOnce),
        };
        var definition = new { name = Function, runtime = "process", command = new[] { "/bin/cat" } };
        await new GatewayInvoke(embeddedHttp, Function).Register(definition);
        await new GatewayInvoke(clusterHttp, Function).Register(definition);

        await Interleaved.Measure(WarmUpRuns, runs, Input, paths);

        ResultTable.Print($"Sync invoke of /bin/cat, in-memory vs PostgreSQL state, {runs} runs each", paths[0].Samples, [.. paths[1..].Select(p => p.Samples)]);
        var extra = paths[2].Samples.Median - paths[1].Samples.Median;
        Console.WriteLine($"cluster-mode invoke over embedded (median − median): {extra:0.0} ms; target ≤ {ClusterExtraTargetMs} ms: {Verdict.Of(extra <= ClusterExtraTargetMs)}");
    }
}
