using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>The provider of the silo that places the task (the silo its task grain lives on), and no other.</summary>
public sealed class LocalPolicy(ILocalSiloDetails silo) : IPlacementPolicy
{
    public PlacementPolicyKind Kind => PlacementPolicyKind.Local;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates) =>
        [.. candidates.Where(p => p.Id == silo.Name)];
}
