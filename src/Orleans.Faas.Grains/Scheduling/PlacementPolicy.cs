using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling;

/// <summary>Orders the providers that could run a task, best first; the scheduler tries them in that order.</summary>
public abstract class PlacementPolicy
{
    /// <param name="candidates">Ready providers that support the function's runtime; never empty.</param>
    public abstract IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates);
}
