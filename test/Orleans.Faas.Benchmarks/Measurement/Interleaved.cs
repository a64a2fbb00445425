namespace Orleans.Faas.Benchmarks.Measurement;

/// <summary>Measures paths in turn, after a few unmeasured warm-up rounds, so that all of them see the same machine state.</summary>
public static class Interleaved
{
    public static async Task Measure(int warmUpRuns, int runs, string input, params (Samples Samples, Func<string, Task<TimeSpan>> RunOnce)[] paths)
    {
        for (var i = 0; i < warmUpRuns; i++)
        {
            foreach (var (_, runOnce) in paths)
                await runOnce(input);
        }
        for (var i = 0; i < runs; i++)
        {
            foreach (var (samples, runOnce) in paths)
                samples.Add(await runOnce(input));
        }
    }
}
