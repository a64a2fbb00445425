using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>
/// Always the provider with the best CPU efficiency, however long its queue (what the earlier profiler did); the
/// reference counts as 1, unmeasured providers come last, ties go to the least loaded, as <see cref="LeastLoadedPolicy"/> orders them.
/// </summary>
public sealed class FastestPolicy : IPlacementPolicy
{
    public PlacementPolicyKind Kind => PlacementPolicyKind.Fastest;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates) =>
        new TopRanking<(double, double, int, int)>(candidates, p => (-Efficiency(p), p.Load.Utilisation, -p.Load.Slots, TieBreak.Draw()));

    private static double Efficiency(ProviderSnapshot provider) =>
        provider.Scores?.CpuEfficiency ?? (provider.IsReference ? 1 : 0);
}
