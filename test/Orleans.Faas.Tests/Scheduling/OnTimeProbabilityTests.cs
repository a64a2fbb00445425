using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class OnTimeProbabilityTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.959964, 0.9750002)]
    [InlineData(-1, 0.1586553)]
    [InlineData(3, 0.9986501)]
    public void The_standard_normal_cdf_matches_its_tables(double z, double expected) =>
        Assert.Equal(expected, StandardNormal.Cdf(z), 5);

    [Fact]
    public void A_deadline_at_the_expected_finish_is_made_half_the_time_one_at_the_wait_never_and_without_spread_it_is_certain_or_hopeless()
    {
        var estimate = new FinishEstimate(1000, 1000, RuntimeMs: 1000, WaitMs: 300, ColdStartMs: 200, 0, "linear", LogSpread: 0.4);

        Assert.Equal(0.5, estimate.OnTimeProbability(1500), 6);
        Assert.Equal(StandardNormal.Cdf(Math.Log(2) / 0.4), estimate.OnTimeProbability(2500), 9);
        Assert.Equal(0, estimate.OnTimeProbability(500));
        Assert.Equal(1, (estimate with { LogSpread = null }).OnTimeProbability(1500));
        Assert.Equal(0, (estimate with { LogSpread = null }).OnTimeProbability(1499));
    }
}
