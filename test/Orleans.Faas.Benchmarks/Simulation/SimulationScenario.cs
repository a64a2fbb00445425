namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>One cell of the simulator's grid: a cluster size, an arrival pattern and a load, and what each placement did there.</summary>
public sealed record SimulationScenario(int Providers, ArrivalPattern Pattern, double Load, int Tasks, IReadOnlyList<SimulationResult> Results)
{
    public SimulationResult Of(SimulatedPlacement placement) => Results.Single(r => r.Placement == placement);

    public override string ToString() => $"{Providers:N0} providers, {Pattern.ToString().ToLowerInvariant()} at {Load * 100:0}%";
}
