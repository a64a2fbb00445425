namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>One placement's mean completion in the real placement benchmark and in the simulator configured like it.</summary>
/// <param name="SimulatedMeanMs">The mean over the simulated runs of their mean completion.</param>
/// <param name="LeastMs">The least mean completion of a simulated run; the same as the most where one run was simulated.</param>
public sealed record RealRunComparison(string Placement, double RealMeanMs, double SimulatedMeanMs, double LeastMs, double MostMs)
{
    /// <summary>The simulator must reproduce each placement's real mean within this share of it.</summary>
    public const double Tolerance = 0.15;

    public double Ratio => SimulatedMeanMs / RealMeanMs;

    public bool Met => Math.Abs(Ratio - 1) <= Tolerance;
}
