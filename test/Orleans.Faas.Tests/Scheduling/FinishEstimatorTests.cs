using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class FinishEstimatorTests
{
    private readonly FinishEstimator _estimator = Placements.Estimator();

    [Fact]
    public void A_profiled_function_runs_its_reference_time_over_the_providers_efficiency()
    {
        var estimate = _estimator.Estimate(Placements.Request(referenceWallMs: 400), Placements.Provider("half", cpuEfficiency: 0.5, load: Placements.Warm("f")));

        Assert.Equal(800, estimate.RuntimeMs, 3);
        Assert.Equal(800, estimate.PredictedMs!.Value, 3);
        Assert.Equal(0, estimate.ModelVersion);
        Assert.Equal("linear", estimate.ModelKind);
        Assert.Equal(0, estimate.WaitMs);
        Assert.Equal(0, estimate.ColdStartMs);
        Assert.Equal(800, estimate.FinishMs, 3);
    }

    [Fact]
    public void Work_ahead_counts_only_once_every_slot_is_busy_and_is_shared_by_the_slots()
    {
        var request = Placements.Request(referenceWallMs: 100);

        var free = _estimator.Estimate(request, Placements.Provider("p", 1, Placements.Warm("f", running: 1, slots: 2, pendingMs: 900)));
        var busy = _estimator.Estimate(request, Placements.Provider("p", 1, Placements.Warm("f", running: 2, queued: 2, slots: 2, pendingMs: 900)));

        Assert.Equal(0, free.WaitMs);
        Assert.Equal(450, busy.WaitMs, 3);
    }

    [Fact]
    public void Without_an_idle_warm_container_a_cold_start_is_added_from_the_nodes_own_cost_else_the_configured_one()
    {
        var request = Placements.Request(referenceWallMs: 100);

        var measured = _estimator.Estimate(request, Placements.Provider("p", 1, new ProviderLoad(0, 0, 1, ColdStartMs: 250)));
        var unmeasured = _estimator.Estimate(request, Placements.Provider("p", 1, new ProviderLoad(0, 0, 1)));

        Assert.Equal(250, measured.ColdStartMs);
        Assert.Equal(Placements.Options.ColdStartEstimate.TotalMilliseconds, unmeasured.ColdStartMs);
    }

    [Fact]
    public void An_unprofiled_function_has_no_prediction_and_is_assumed_to_run_the_configured_time_scaled_by_efficiency()
    {
        var estimate = _estimator.Estimate(Placements.Request(), Placements.Provider("fast", cpuEfficiency: 2, load: Placements.Warm("f")));

        Assert.Null(estimate.PredictedMs);
        Assert.Null(estimate.ModelVersion);
        Assert.Equal(Placements.Options.UnprofiledRuntime.TotalMilliseconds / 2, estimate.RuntimeMs, 3);
    }
}
