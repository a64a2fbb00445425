using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>Any provider, uniformly at random.</summary>
public sealed class RandomPolicy : IPlacementPolicy
{
    public PlacementPolicyKind Kind => PlacementPolicyKind.Random;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates)
    {
        var shuffled = candidates.ToArray();
        Random.Shared.Shuffle(shuffled);
        return shuffled;
    }
}
