using Microsoft.Extensions.Time.Testing;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class PredictionCorrectionsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero));
    private readonly PredictionCorrections _corrections;
    private readonly FinishEstimator _estimator;

    public PredictionCorrectionsTests()
    {
        _corrections = new PredictionCorrections(_clock);
        _estimator = Placements.Estimator(corrections: _corrections);
    }

    [Fact]
    public void A_provider_that_turns_twice_as_slow_is_predicted_slower_than_an_equal_one_within_five_runs()
    {
        var request = Placements.Request(referenceWallMs: 400);
        var slowed = Placements.Provider("slowed", cpuEfficiency: 1, load: Placements.Warm());
        var steady = Placements.Provider("steady", cpuEfficiency: 1, load: Placements.Warm());
        for (var run = 0; run < 20; run++)
        {
            Learn(slowed.Id, predictedMs: 400, wallMs: run % 2 == 0 ? 390 : 410);
            Learn(steady.Id, predictedMs: 400, wallMs: run % 2 == 0 ? 410 : 390);
        }
        Assert.InRange(_estimator.Estimate(request, slowed).RuntimeMs, 396, 404);

        var runs = 0;
        while (_estimator.Estimate(request, slowed).RuntimeMs < 1.8 * _estimator.Estimate(request, steady).RuntimeMs)
        {
            Assert.True(++runs <= 5, $"after {runs - 1} runs twice as slow the provider is predicted at {_estimator.Estimate(request, slowed).RuntimeMs:0} ms");
            Learn(slowed.Id, predictedMs: 400, wallMs: 800);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var estimate = _estimator.Estimate(request, slowed);
        Assert.Equal(400, estimate.PredictedMs!.Value, 3);
        Assert.Equal(estimate.RuntimeMs / 400, estimate.Correction, 6);
        Assert.InRange(_estimator.Estimate(request, steady).Correction, 0.97, 1.03);
    }

    [Fact]
    public void A_correction_fades_while_no_run_comes_and_does_not_apply_to_another_model_version()
    {
        for (var run = 0; run < 10; run++)
            Learn("p", predictedMs: 100, wallMs: 200);
        var learnt = Math.Log(_corrections.Factor("f", "p", modelVersion: 0));
        Assert.InRange(learnt, 0.6, Math.Log(2));

        _clock.Advance(PredictionCorrections.HalfLife);

        Assert.Equal(learnt / 2, Math.Log(_corrections.Factor("f", "p", modelVersion: 0)), 6);
        Assert.Equal(1, _corrections.Factor("f", "p", modelVersion: 3));
        Assert.Equal(1, _corrections.Factor("other", "p", modelVersion: 0));
    }

    [Fact]
    public void A_correction_stays_within_its_bound_and_failed_cold_or_unpredicted_runs_teach_nothing()
    {
        for (var run = 0; run < 30; run++)
            Learn("p", predictedMs: 10, wallMs: 10_000);
        Assert.Equal(PredictionCorrections.MaxFactor, _corrections.Factor("f", "p", 0), 6);

        Learn("q", predictedMs: 100, wallMs: 400, status: TaskState.Failed);
        Learn("q", predictedMs: 100, wallMs: 400, cold: true);
        Learn("q", predictedMs: null, wallMs: 400);
        Assert.Equal(1, _corrections.Factor("f", "q", 0));
    }

    [Fact]
    public void The_spread_starts_at_the_models_own_error_narrows_with_steady_runs_widens_with_scattered_ones_and_returns_as_they_fade()
    {
        const double prior = 0.3;
        Assert.Equal(prior, _corrections.Spread("f", "p", 0, prior));

        for (var run = 0; run < 20; run++)
        {
            Learn("steady", predictedMs: 100, wallMs: 200);
            Learn("scattered", predictedMs: 100, wallMs: run % 2 == 0 ? 50 : 200);
        }
        Assert.InRange(_corrections.Spread("f", "steady", 0, prior), 0, 0.01);
        Assert.InRange(_corrections.Spread("f", "scattered", 0, prior), 0.5, 1);
        Assert.Equal(prior, _corrections.Spread("f", "steady", modelVersion: 3, prior));

        _clock.Advance(PredictionCorrections.HalfLife);

        Assert.Equal(prior / Math.Sqrt(2), _corrections.Spread("f", "steady", 0, prior), 2);
    }

    private void Learn(string provider, double? predictedMs, double wallMs, TaskState status = TaskState.Completed, bool cold = false) =>
        _corrections.Learn(Placements.Run(provider, predictedMs, wallMs, _clock.GetUtcNow(), status, cold));
}
