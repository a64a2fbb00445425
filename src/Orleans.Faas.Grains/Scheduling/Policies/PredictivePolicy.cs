using Microsoft.Extensions.Options;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.Policies;

/// <summary>
/// The earliest expected finish. Every provider is ranked with the linear efficiency model, which costs next to
/// nothing, and only the best <see cref="SchedulingOptions.Shortlist"/> are picked out (not every provider sorted);
/// those are ranked again with the current model, so a decision stays cheap however many providers there are. An
/// invocation with a deadline ranks that shortlist by the chance of finishing by it instead, so a slightly slower
/// provider with a much tighter prediction can win; when none can make it, the earliest expected finish still decides.
/// </summary>
public sealed class PredictivePolicy(FinishEstimator estimator, IOptions<SchedulingOptions> options) : IPlacementPolicy
{
    public PlacementPolicyKind Kind => PlacementPolicyKind.Predictive;

    public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates)
    {
        var ranking = new TopRanking<(double, int)>(
            candidates, p => (estimator.EstimateLinear(request, p).FinishMs, TieBreak.Draw()), options.Value.Shortlist);
        if (request.DeadlineMs is { } deadline)
            ranking.ReorderTop(p => OnTimeFirst(estimator.Estimate(request, p), deadline));
        else
            ranking.ReorderTop(p => (estimator.Estimate(request, p).FinishMs, TieBreak.Draw()));
        return ranking;
    }

    /// <summary>
    /// The likeliest to finish by the deadline first, to a thousandth, so that two providers all but sure to make it
    /// (or both sure to miss it) are told apart by their expected finish, not by rounding noise.
    /// </summary>
    private static (double, double, int) OnTimeFirst(FinishEstimate estimate, double deadlineMs) =>
        (-Math.Round(estimate.OnTimeProbability(deadlineMs), 3), estimate.FinishMs, TieBreak.Draw());
}
