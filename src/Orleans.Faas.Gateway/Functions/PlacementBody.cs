using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Functions;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>A function's <c>placement</c>: its own policy (else the cluster's) and the node labels it requires.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PlacementBody(PlacementPolicyKind? Policy, IReadOnlyDictionary<string, string>? Requires)
{
    public PlacementSpec ToSpec() => new(Policy, Requires?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty);

    public static PlacementBody? From(PlacementSpec? spec) => spec is null ? null : new(spec.Policy, spec.Requires);
}
