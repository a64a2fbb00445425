using Microsoft.Extensions.Options;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>
/// The earliest expected finish. Every provider is ranked with the linear efficiency model, which costs next to
/// nothing; the best <see cref="SchedulingOptions.Shortlist"/> are then ranked again with the current model, so a
/// decision stays cheap however many providers there are.
/// </summary>
public sealed class PredictivePolicy(FinishEstimator estimator, IOptions<SchedulingOptions> options) : IPlacementPolicy
{
    public PlacementPolicyKind Kind => PlacementPolicyKind.Predictive;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates)
    {
        var byLinear = candidates.Select(p => (Provider: p, FinishMs: estimator.EstimateLinear(request, p).FinishMs))
            .OrderBy(c => c.FinishMs)
            .ThenBy(c => c.Provider.Id, StringComparer.Ordinal)
            .Select(c => c.Provider)
            .ToList();
        var shortlist = Math.Min(options.Value.Shortlist, byLinear.Count);
        var best = byLinear.Take(shortlist)
            .Select(p => (Provider: p, FinishMs: estimator.Estimate(request, p).FinishMs))
            .OrderBy(c => c.FinishMs)
            .ThenBy(c => c.Provider.Id, StringComparer.Ordinal)
            .Select(c => c.Provider);
        return [.. best, .. byLinear.Skip(shortlist)];
    }
}
