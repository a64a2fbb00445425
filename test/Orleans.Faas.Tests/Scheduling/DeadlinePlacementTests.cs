using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.Policies;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Tests.Scheduling;

/// <summary>
/// Two warm providers for a function profiled at 1 s: "fast" is predicted at 667 ms but its runs scatter between half
/// and twice that; "tight" is predicted at 1 s and its runs land within 2% of it.
/// </summary>
public sealed class DeadlinePlacementTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.Zero));
    private readonly PredictionCorrections _corrections;
    private readonly FinishEstimator _estimator;
    private readonly ProviderSnapshot _fast = Placements.Provider("fast", cpuEfficiency: 1.5, load: Placements.Warm());
    private readonly ProviderSnapshot _tight = Placements.Provider("tight", cpuEfficiency: 1.0, load: Placements.Warm());

    public DeadlinePlacementTests()
    {
        _corrections = new PredictionCorrections(_clock);
        _estimator = Placements.Estimator(corrections: _corrections);
        var predictedFast = _estimator.Estimate(Request(), _fast).PredictedMs!.Value;
        for (var run = 0; run < 20; run++)
        {
            Learn("fast", predictedFast, predictedFast * (run % 2 == 0 ? 0.5 : 2));
            Learn("tight", 1000, run % 2 == 0 ? 980 : 1020);
        }
    }

    [Fact]
    public void A_deadline_prefers_a_slightly_slower_provider_with_a_much_tighter_prediction_and_without_one_the_faster_wins()
    {
        var fast = _estimator.Estimate(Request(), _fast);
        var tight = _estimator.Estimate(Request(), _tight);
        Assert.True(fast.FinishMs < tight.FinishMs, $"fast is expected at {fast.FinishMs:0} ms, tight at {tight.FinishMs:0} ms");
        Assert.True(fast.LogSpread > 10 * tight.LogSpread, $"fast's log spread {fast.LogSpread:0.000}, tight's {tight.LogSpread:0.000}");

        var (withoutDeadline, _) = Place(Request());
        var (withDeadline, decision) = Place(Request(deadlineMs: 1200));

        Assert.Equal("fast", withoutDeadline);
        Assert.Equal("tight", withDeadline);
        Assert.Equal(1200, decision.DeadlineMs);
        Assert.InRange(decision.OnTimeProbability!.Value, 0.99, 1);
        Assert.InRange(decision.RuntimeSpread!.Value, 1, 1.1);
        Assert.InRange(fast.OnTimeProbability(1200), 0.5, 0.95);
    }

    [Fact]
    public void When_no_provider_can_make_the_deadline_the_earliest_expected_finish_decides()
    {
        var (provider, decision) = Place(Request(deadlineMs: -50));

        Assert.Equal("fast", provider);
        Assert.Equal(0, decision.OnTimeProbability);
    }

    [Fact]
    public void A_decision_without_a_deadline_shows_the_spread_and_correction_but_no_deadline()
    {
        var (_, decision) = Place(Request());

        Assert.Null(decision.DeadlineMs);
        Assert.Null(decision.OnTimeProbability);
        Assert.True(decision.RuntimeSpread > 1.5, $"fast's runs scatter by a factor of 2, its spread is {decision.RuntimeSpread:0.00}");
        Assert.Equal(_estimator.Estimate(Request(), _fast).Correction, decision.Correction);
    }

    /// <summary>Ranks both providers as the predictive policy does and keeps the decision the placer would for the first.</summary>
    private (string Provider, PlacementDecision Decision) Place(PlacementRequest request)
    {
        var options = Options.Create(new SchedulingOptions { Policy = PlacementPolicyKind.Predictive });
        var policy = new PredictivePolicy(_estimator, options);
        var placer = new Placer(new ProviderView(), Placements.NoRefresh, _estimator, [policy], options);
        var plan = new PlacementPlan(request, policy.Kind, policy.Rank(request, [_fast, _tight]));
        return (plan.Ranked[0].Id, placer.Decide(plan, 0).Decision);
    }

    private static PlacementRequest Request(double? deadlineMs = null) => Placements.Request(referenceWallMs: 1000) with { DeadlineMs = deadlineMs };

    private void Learn(string provider, double predictedMs, double wallMs)
    {
        _corrections.Learn(Placements.Run(provider, predictedMs, wallMs, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(1));
    }
}
