using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>Each provider in turn, in the order of their ids; the turn is this silo's own.</summary>
public sealed class RoundRobinPolicy : IPlacementPolicy
{
    private long _turn = -1;

    public PlacementPolicyKind Kind => PlacementPolicyKind.RoundRobin;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates)
    {
        var ordered = candidates.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var first = (int)(Interlocked.Increment(ref _turn) % ordered.Count);
        return [.. ordered.Skip(first), .. ordered.Take(first)];
    }
}
