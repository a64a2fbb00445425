using Microsoft.Extensions.Options;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.View;

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
        // Over the view's own selection, a block of providers none of which can finish before the ones picked so far is passed over.
        var blocks = (candidates as ProviderSelection)?.Blocks.Select(b => (b.Start, b.End, (b.Bounded ? estimator.LinearRuntimeFloor(request, b) : double.NegativeInfinity, int.MinValue)));
        var ranking = new TopRanking<(double, int)>(
            candidates, i => (estimator.EstimateLinear(request, ProviderFigures.At(candidates, i)).FinishMs, TieBreak.Draw()), options.Value.Shortlist, blocks);
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
