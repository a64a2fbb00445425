namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// The targets for the simulator, each against one placement in one kind of scenario: at 100 and 1,000
/// providers, at 70% load predictive's mean completion ≥ 40% below least-loaded, ≥ 60% below round-robin and random,
/// below fastest and within 10% of the oracle; at 90% load its p99 ≥ 50% below least-loaded.
/// </summary>
public sealed record SimulationTarget(SimulatedPlacement Against, double Load, bool OnP99, double MaxRatio, string Text)
{
    private const int MinProviders = 100;

    public static readonly IReadOnlyList<SimulationTarget> All =
    [
        new(SimulatedPlacement.LeastLoaded, 0.7, OnP99: false, 0.60, "mean ≥ 40% below"),
        new(SimulatedPlacement.RoundRobin, 0.7, OnP99: false, 0.40, "mean ≥ 60% below"),
        new(SimulatedPlacement.Random, 0.7, OnP99: false, 0.40, "mean ≥ 60% below"),
        new(SimulatedPlacement.Fastest, 0.7, OnP99: false, 1, "mean below"),
        new(SimulatedPlacement.Oracle, 0.7, OnP99: false, 1.10, "mean within 10%"),
        new(SimulatedPlacement.LeastLoaded, 0.9, OnP99: true, 0.50, "p99 ≥ 50% below"),
    ];

    /// <summary>The target for this placement in the scenario; null where the issue sets none.</summary>
    public static SimulationTarget? For(SimulationScenario scenario, SimulatedPlacement placement) =>
        scenario.Providers < MinProviders ? null : All.SingleOrDefault(t => t.Against == placement && Math.Abs(t.Load - scenario.Load) < 1e-9);

    /// <summary>Predictive's figure over the other placement's: mean or p99 completion.</summary>
    public double Ratio(SimulationScenario scenario) =>
        Figure(scenario.Of(SimulatedPlacement.Predictive)) / Figure(scenario.Of(Against));

    public bool MetIn(SimulationScenario scenario) =>
        Against == SimulatedPlacement.Fastest ? Ratio(scenario) < MaxRatio : Ratio(scenario) <= MaxRatio;

    private double Figure(SimulationResult result) => OnP99 ? result.Completion.Percentile(99) : result.Completion.Mean;
}
