using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>Orders the providers that fit a task, best first; placement tries them in that order.</summary>
public interface IPlacementPolicy
{
    PlacementPolicyKind Kind { get; }

    /// <param name="candidates">Ready providers with the function's runtime and labels; never empty.</param>
    IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates);
}
