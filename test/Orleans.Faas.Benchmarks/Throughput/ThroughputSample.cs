namespace Orleans.Faas.Benchmarks.Throughput;

/// <summary>What one closed-loop run achieved; operations still in flight at the end count once they finish.</summary>
/// <param name="FirstFailure">What went wrong the first time an operation failed, if one did.</param>
public sealed record ThroughputSample(string Scenario, int Concurrency, long Completed, long Failed, TimeSpan Elapsed, string? FirstFailure)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
