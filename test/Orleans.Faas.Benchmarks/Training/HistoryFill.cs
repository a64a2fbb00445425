using Orleans.Faas.Benchmarks.Latency;
using Orleans.Faas.Benchmarks.Throughput;

namespace Orleans.Faas.Benchmarks.Training;

/// <summary>Fills a silo's execution history with completed runs of <c>/bin/cat</c> (process runtime), a fixed number kept in flight.</summary>
public static class HistoryFill
{
    private const string Function = "bench-train-cat";

    /// <returns>The id of a task that finished.</returns>
    public static async Task<string> Run(HttpClient http, int runs, int concurrency)
    {
        await new GatewayInvoke(http, Function).Register(new { name = Function, runtime = "process", command = new[] { "/bin/cat" } });
        var invoke = new AsyncInvoke(http, Function);
        var started = 0;
        async Task<string> Worker()
        {
            var last = "";
            while (Interlocked.Increment(ref started) <= runs)
                last = await invoke.RunOnce();
            return last;
        }
        var finished = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Worker()));
        return finished.First(id => id.Length > 0);
    }
}
