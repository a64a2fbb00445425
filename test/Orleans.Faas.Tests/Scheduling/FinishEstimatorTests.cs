using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class FinishEstimatorTests
{
    private readonly FinishEstimator _estimator = Placements.Estimator();

    [Fact]
    public void A_profiled_function_runs_its_reference_time_over_the_providers_efficiency()
    {
        var estimate = _estimator.Estimate(Placements.Request(referenceWallMs: 400), Placements.Provider("half", cpuEfficiency: 0.5, load: Placements.Warm()));

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

        var free = _estimator.Estimate(request, Placements.Provider("p", 1, Placements.Warm(running: 1, slots: 2, pendingMs: 900)));
        var busy = _estimator.Estimate(request, Placements.Provider("p", 1, Placements.Warm(running: 2, queued: 2, slots: 2, pendingMs: 900)));

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
    public void Only_an_idle_container_of_the_very_version_saves_the_cold_start()
    {
        var first = Placements.Function();
        var second = first with { MemoryMiB = 512 };
        var holdsFirst = Placements.Provider("p", 1, Placements.Warm(first) with { ColdStartMs = 250 });

        var same = _estimator.Estimate(Placements.Request(Placements.Function(), referenceWallMs: 100), holdsFirst);
        var other = _estimator.Estimate(Placements.Request(second, referenceWallMs: 100), holdsFirst);
        var linear = _estimator.EstimateLinear(Placements.Request(second, referenceWallMs: 100), ProviderFigures.Of(holdsFirst));

        Assert.Equal(0, same.ColdStartMs);
        Assert.Equal(250, other.ColdStartMs);
        Assert.Equal(250, linear.ColdStartMs);
    }

    [Fact]
    public void A_version_is_warm_by_its_code_file_whether_it_carries_the_file_or_only_its_reference()
    {
        var code = new CodeFile("main.py", "print(1)"u8.ToArray());
        var withFile = Placements.Function() with { Code = code };
        var holdsIt = Placements.Provider("p", 1, Placements.Warm(withFile) with { ColdStartMs = 250 });
        var byReference = new PlacementRequest(new FunctionVersion(withFile with { Code = null }, 2, DateTimeOffset.UnixEpoch), 1000, null, Code: CodeReference.Of(code));
        var otherCode = new PlacementRequest(byReference.Function, 1000, null, Code: CodeReference.Of(code with { Content = "print(2)"u8.ToArray() }));

        Assert.Equal(0, _estimator.Estimate(byReference, holdsIt).ColdStartMs);
        Assert.Equal(250, _estimator.Estimate(otherCode, holdsIt).ColdStartMs);
    }

    [Fact]
    public void An_unprofiled_function_has_no_prediction_and_is_assumed_to_run_the_configured_time_scaled_by_efficiency()
    {
        var estimate = _estimator.Estimate(Placements.Request(), Placements.Provider("fast", cpuEfficiency: 2, load: Placements.Warm()));

        Assert.Null(estimate.PredictedMs);
        Assert.Null(estimate.ModelVersion);
        Assert.Equal(Placements.Options.UnprofiledRuntime.TotalMilliseconds / 2, estimate.RuntimeMs, 3);
    }
}
