using System.Text.Json;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>A placement a simulation runs under: one of the platform's policies, or the simulation's oracle (no policy).</summary>
public sealed record SimulatedPlacement(string Label, PlacementPolicyKind? Policy)
{
    public static readonly SimulatedPlacement Predictive = Of(PlacementPolicyKind.Predictive);
    public static readonly SimulatedPlacement LeastLoaded = Of(PlacementPolicyKind.LeastLoaded);
    public static readonly SimulatedPlacement RoundRobin = Of(PlacementPolicyKind.RoundRobin);
    public static readonly SimulatedPlacement Random = Of(PlacementPolicyKind.Random);
    public static readonly SimulatedPlacement Fastest = Of(PlacementPolicyKind.Fastest);
    public static readonly SimulatedPlacement Oracle = new("oracle", null);

    public static readonly IReadOnlyList<SimulatedPlacement> All = [Predictive, Oracle, LeastLoaded, RoundRobin, Random, Fastest];

    public bool IsOracle => Policy is null;

    /// <summary>As the API spells the policy: <c>least-loaded</c>.</summary>
    public static SimulatedPlacement Of(PlacementPolicyKind policy) => new(JsonNamingPolicy.KebabCaseLower.ConvertName(policy.ToString()), policy);
}
