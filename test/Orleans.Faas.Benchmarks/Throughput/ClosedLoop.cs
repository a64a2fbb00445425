using System.Diagnostics;

namespace Orleans.Faas.Benchmarks.Throughput;

/// <summary>Keeps a fixed number of operations in flight for a fixed time and counts the ones that finished.</summary>
public static class ClosedLoop
{
    public static async Task<ThroughputSample> Run(string scenario, int concurrency, TimeSpan duration, Func<Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var completed = 0L;
        var failed = 0L;
        async Task Worker()
        {
            while (clock.Elapsed < duration)
            {
                try
                {
                    await operation();
                    Interlocked.Increment(ref completed);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        clock.Stop();
        return new ThroughputSample(scenario, concurrency, completed, failed, clock.Elapsed);
    }
}
