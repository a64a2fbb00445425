namespace Orleans.Faas.Benchmarks.Throughput;

/// <summary>What one closed-loop run achieved; operations still in flight at the end count once they finish.</summary>
public sealed record ThroughputSample(string Scenario, int Concurrency, long Completed, long Failed, TimeSpan Elapsed)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
