using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling;

/// <summary>Prefers the provider with the fewest outstanding tasks per slot, then the one with more slots.</summary>
public sealed class LeastLoadedPolicy : PlacementPolicy
{
    public override IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates) =>
        [.. candidates
            .OrderBy(p => p.Load.Utilisation)
            .ThenByDescending(p => p.Load.Slots)
            .ThenBy(p => p.Id, StringComparer.Ordinal)];
}
