using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>Prefers the provider with the fewest outstanding tasks per slot, then the one with more slots.</summary>
public sealed class LeastLoadedPolicy : IPlacementPolicy
{
    public PlacementPolicyKind Kind => PlacementPolicyKind.LeastLoaded;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates) => ByLoad(candidates);

    /// <summary>The least-loaded order, also the tie-break of other policies.</summary>
    public static IReadOnlyList<ProviderSnapshot> ByLoad(IEnumerable<ProviderSnapshot> candidates) =>
        [.. candidates
            .OrderBy(p => p.Load.Utilisation)
            .ThenByDescending(p => p.Load.Slots)
            .ThenBy(p => p.Id, StringComparer.Ordinal)];
}
