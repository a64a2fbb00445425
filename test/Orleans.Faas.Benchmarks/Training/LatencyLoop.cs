using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Training;

/// <summary>One call after another, each timed, for as long as the condition holds.</summary>
public static class LatencyLoop
{
    public static async Task Run(Samples samples, Func<Task<TimeSpan>> call, Func<bool> keepGoing)
    {
        while (keepGoing())
            samples.Add(await call());
    }
}
