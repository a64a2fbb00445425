namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>One placement's mean completion in the real placement benchmark and in the simulator configured like it.</summary>
public sealed record RealRunComparison(string Placement, double RealMeanMs, double SimulatedMeanMs)
{
    /// <summary>The simulator must reproduce each placement's real mean within this share of it.</summary>
    public const double Tolerance = 0.15;

    public double Ratio => SimulatedMeanMs / RealMeanMs;

    public bool Met => Math.Abs(Ratio - 1) <= Tolerance;
}
