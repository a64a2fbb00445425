using System.Text.Json;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// A placement an arrival run is made under: a platform policy the functions are registered with, or the benchmark's
/// own oracle, which pins every task; with the target the predictive run's mean completion must meet against it.
/// </summary>
public sealed record PlacementUnderTest(string Label, PlacementPolicyKind Policy, bool IsOracle, CompletionTarget? Target)
{
    public static readonly PlacementUnderTest Predictive = Of(PlacementPolicyKind.Predictive, null);

    /// <summary>The oracle runs right after the predictive run, so the two compared most closely see the host most alike.</summary>
    public static readonly IReadOnlyList<PlacementUnderTest> All =
    [
        Predictive,
        new("oracle", PlacementPolicyKind.Predictive, IsOracle: true, new CompletionTarget(1.15)),
        Of(PlacementPolicyKind.LeastLoaded, new CompletionTarget(0.75)),
        Of(PlacementPolicyKind.RoundRobin, new CompletionTarget(0.50)),
        Of(PlacementPolicyKind.Random, new CompletionTarget(0.50)),
        Of(PlacementPolicyKind.Fastest, new CompletionTarget(1, Strict: true)),
    ];

    /// <summary>As the API spells the policy: <c>least-loaded</c>.</summary>
    private static PlacementUnderTest Of(PlacementPolicyKind policy, CompletionTarget? target) =>
        new(JsonNamingPolicy.KebabCaseLower.ConvertName(policy.ToString()), policy, IsOracle: false, target);
}
