using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>Prefers the provider with the fewest outstanding tasks per slot, then the one with more slots, then any of the equals.</summary>
public sealed class LeastLoadedPolicy : IPlacementPolicy
{
    public PlacementPolicyKind Kind => PlacementPolicyKind.LeastLoaded;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates) =>
        new TopRanking<(double, int, int)>(candidates, p => (p.Load.Utilisation, -p.Load.Slots, TieBreak.Draw()));
}
