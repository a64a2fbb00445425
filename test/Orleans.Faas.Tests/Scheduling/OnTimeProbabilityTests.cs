using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class OnTimeProbabilityTests
{
    [Fact]
    public void A_deadline_at_the_expected_finish_is_made_half_the_time_one_at_the_wait_never_and_without_spread_it_is_certain_or_hopeless()
    {
        var estimate = new FinishEstimate(1000, 1000, RuntimeMs: 1000, WaitMs: 300, ColdStartMs: 200, 0, "linear", LogSpread: 0.4);

        Assert.Equal(0.5, estimate.OnTimeProbability(1500), 6);
        // Twice the run time is ln 2 / 0.4 = 1.733 spreads above it, where the standard normal's table gives 0.95844.
        Assert.Equal(0.95844, estimate.OnTimeProbability(2500), 5);
        Assert.Equal(0, estimate.OnTimeProbability(500));
        Assert.Equal(1, (estimate with { LogSpread = null }).OnTimeProbability(1500));
        Assert.Equal(0, (estimate with { LogSpread = null }).OnTimeProbability(1499));
    }
}
