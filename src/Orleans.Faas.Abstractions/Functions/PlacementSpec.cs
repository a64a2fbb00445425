using System.Collections.Immutable;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Functions;

/// <summary>A function's own placement: the policy that picks its providers and the labels a provider must carry.</summary>
/// <param name="Policy">Null takes the cluster's policy (<c>Faas:Scheduling:Policy</c>).</param>
/// <param name="Requires">Label → value every provider of the function must carry; empty means any provider.</param>
[GenerateSerializer, Immutable, Alias("faas.PlacementSpec")]
public sealed record PlacementSpec(
    [property: Id(0)] PlacementPolicyKind? Policy,
    [property: Id(1)] ImmutableDictionary<string, string> Requires);
