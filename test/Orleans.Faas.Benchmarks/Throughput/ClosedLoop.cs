using System.Diagnostics;

namespace Orleans.Faas.Benchmarks.Throughput;

/// <summary>Keeps a fixed number of operations in flight for a fixed time and counts the ones that finished.</summary>
public static class ClosedLoop
{
    /// <param name="operation">One operation, given the index of the worker running it.</param>
    public static async Task<ThroughputSample> Run(string scenario, int concurrency, TimeSpan duration, Func<int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var completed = 0L;
        var failed = 0L;
        string? firstFailure = null;
        async Task Worker(int worker)
        {
            while (clock.Elapsed < duration)
            {
                try
                {
                    await operation(worker);
                    Interlocked.Increment(ref completed);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or System.Net.Sockets.SocketException)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, $"{e.GetType().Name}: {e.Message}", null);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(() => Worker(worker))));
        clock.Stop();
        return new ThroughputSample(scenario, concurrency, completed, failed, clock.Elapsed, firstFailure);
    }
}
