using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>What one measured run of decisions gave: each decision's time, the time the rounds took, what the decisions allocated.</summary>
/// <param name="Busy">The rounds' wall time, from releasing the threads to the last one finishing; resets between rounds are left out.</param>
/// <param name="CollectedDuring">Decisions a garbage collection (of any generation) ran during.</param>
public sealed record DecisionSample(int Threads, Samples Times, TimeSpan Busy, long AllocatedBytes, int CollectedDuring)
{
    public double PerSecond => Times.Count / Busy.TotalSeconds;

    public double BytesPerDecision => (double)AllocatedBytes / Times.Count;

    public double CollectedShare => (double)CollectedDuring / Times.Count;
}
