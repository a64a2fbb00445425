using Microsoft.Extensions.Time.Testing;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.KeepAlive;

namespace Orleans.Faas.Tests.Runtime;

/// <summary>The hybrid histogram policy's arithmetic: percentiles, margins, and when it falls back to the fixed keep-alive.</summary>
public sealed class KeepAlivePolicyTests
{
    private static readonly TimeSpan Fixed = TimeSpan.FromMinutes(10);
    private static readonly KeepAliveOptions Options = new();

    private static IdleTimeHistogram Histogram(params double[] minutes)
    {
        var histogram = new IdleTimeHistogram(Options.BinWidth, Options.Bins);
        foreach (var idle in minutes)
            histogram.Add(TimeSpan.FromMinutes(idle));
        return histogram;
    }

    [Fact]
    public void A_function_called_every_half_hour_is_prewarmed_before_the_half_hour_and_kept_until_past_it()
    {
        var decision = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(30.2, 20)]), Options, Fixed);

        // Head and tail both fall in the bin [30, 31) min: prewarm at 30 min less 10 %, keep until 31 min plus 10 %.
        Assert.Equal(KeepAliveBasis.Histogram, decision.Basis);
        Assert.True(decision.Representative);
        Assert.Equal(TimeSpan.FromMinutes(27), decision.PrewarmAfter);
        Assert.Equal(TimeSpan.FromMinutes(31 * 1.1 - 27), decision.KeepAlive);
        Assert.Equal(20, decision.IdleTimes);
    }

    [Fact]
    public void A_function_called_again_within_a_minute_keeps_its_container_with_no_prewarm()
    {
        var decision = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(0.1, 30)]), Options, Fixed);

        Assert.Equal(TimeSpan.Zero, decision.PrewarmAfter);
        Assert.Equal(TimeSpan.FromMinutes(1.1), decision.KeepAlive);
    }

    [Fact]
    public void The_policy_keeps_one_idle_container_for_its_window_and_more_for_a_bin_learned_or_not_while_the_fixed_keep_alive_keeps_each()
    {
        var learned = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(5.5, 30)]), Options, Fixed);
        var notLearned = KeepAlivePolicy.Decide(Histogram(5.5), Options, Fixed);
        var policyOff = KeepAlivePolicy.Decide(Histogram(5.5), new KeepAliveOptions { Histogram = false }, Fixed);

        Assert.Equal(TimeSpan.FromMinutes(6 * 1.1 - 5 * 0.9), KeepAlivePolicy.KeepFor(learned, idleAlready: 0, Options));
        Assert.Equal(Options.BinWidth, KeepAlivePolicy.KeepFor(learned, idleAlready: 1, Options));
        Assert.Equal(KeepAliveBasis.TooFewIdleTimes, notLearned.Basis);
        Assert.Equal(Fixed, KeepAlivePolicy.KeepFor(notLearned, idleAlready: 0, Options));
        Assert.Equal(Options.BinWidth, KeepAlivePolicy.KeepFor(notLearned, idleAlready: 1, Options));
        Assert.Equal(Fixed, KeepAlivePolicy.KeepFor(policyOff, idleAlready: 1, Options));
    }

    [Fact]
    public void The_head_and_tail_percentiles_bound_the_windows_and_outliers_past_the_tail_are_left_out()
    {
        // 5 % at 2 min, 94 % at 10 min, 1 % at 100 min: the 5th percentile is in [2, 3), the 99th in [10, 11).
        var decision = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(2.5, 5), .. Enumerable.Repeat(10.5, 94), 100.5]), Options, Fixed);

        Assert.Equal(TimeSpan.FromMinutes(2 * 0.9), decision.PrewarmAfter);
        Assert.Equal(TimeSpan.FromMinutes(11 * 1.1 - 2 * 0.9), decision.KeepAlive);
    }

    [Fact]
    public void Too_few_idle_times_fall_back_to_the_fixed_keep_alive()
    {
        var decision = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(30.2, Options.MinIdleTimes - 2), 9.5]), Options, Fixed);

        Assert.Equal(new KeepAliveDecision(Fixed, TimeSpan.Zero, KeepAliveBasis.TooFewIdleTimes, Options.MinIdleTimes - 1), decision);
        Assert.False(decision.Representative);
        Assert.Equal(KeepAliveBasis.TooFewIdleTimes, KeepAlivePolicy.Decide(Histogram(), Options, Fixed).Basis);
    }

    [Fact]
    public void A_fallback_whose_fixed_window_every_idle_time_outlasted_keeps_no_container()
    {
        // Every call so far came after the fixed 10 minutes had ended: keeping a container that long only wasted it.
        var tooFew = KeepAlivePolicy.Decide(Histogram(10.5, 30.2, 31), Options, Fixed);
        var outOfRange = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(Options.Range.TotalMinutes + 1, 12)]), Options, Fixed);
        var policyOff = KeepAlivePolicy.Decide(Histogram(30.2), new KeepAliveOptions { Histogram = false }, Fixed);

        Assert.Equal(new KeepAliveDecision(TimeSpan.Zero, TimeSpan.Zero, KeepAliveBasis.OutlastFixed, 3), tooFew);
        Assert.Equal(TimeSpan.Zero, KeepAlivePolicy.KeepFor(tooFew, idleAlready: 0, Options));
        Assert.Equal(new KeepAliveDecision(TimeSpan.Zero, TimeSpan.Zero, KeepAliveBasis.OutlastFixed, 12), outOfRange);
        Assert.Equal(Fixed, policyOff.KeepAlive);
    }

    [Fact]
    public void Fewer_idle_times_than_it_takes_to_say_the_fixed_window_never_pays_off_keep_it()
    {
        var decision = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(30.2, Options.MinOutlasting - 1)]), Options, Fixed);

        Assert.Equal(new KeepAliveDecision(Fixed, TimeSpan.Zero, KeepAliveBasis.TooFewIdleTimes, Options.MinOutlasting - 1), decision);
    }

    [Fact]
    public void An_idle_time_in_the_bin_where_the_fixed_window_ends_may_have_come_within_it()
    {
        var histogram = Histogram(9.9, 10.5);

        Assert.Equal((1, 2, 2), (histogram.CountShorterThan(Fixed), histogram.CountShorterThan(TimeSpan.FromMinutes(10.2)), histogram.CountShorterThan(Options.Range * 2)));
        Assert.Equal(0, Histogram(10.5).CountShorterThan(Fixed));
    }

    [Fact]
    public void Idle_times_spread_evenly_over_the_range_fall_back_to_the_fixed_keep_alive()
    {
        var histogram = Histogram([.. Enumerable.Range(0, Options.Bins * 3).Select(i => i % Options.Bins + 0.5)]);

        Assert.Equal(0, histogram.BinCountCv(), precision: 9);
        Assert.Equal(KeepAliveBasis.Flat, KeepAlivePolicy.Decide(histogram, Options, Fixed).Basis);
    }

    [Fact]
    public void Mostly_idle_times_beyond_the_range_fall_back_to_the_fixed_keep_alive()
    {
        var histogram = Histogram([.. Enumerable.Repeat(5.0, 10), .. Enumerable.Repeat(Options.Range.TotalMinutes + 1, 11)]);

        Assert.Equal((10, 11), (histogram.InRange, histogram.OutOfRange));
        Assert.Equal(KeepAliveBasis.OutOfRange, KeepAlivePolicy.Decide(histogram, Options, Fixed).Basis);
    }

    [Fact]
    public void With_the_histogram_off_every_function_gets_the_fixed_keep_alive()
    {
        var decision = KeepAlivePolicy.Decide(Histogram([.. Enumerable.Repeat(30.2, 20)]), new KeepAliveOptions { Histogram = false }, Fixed);

        Assert.Equal(new KeepAliveDecision(Fixed, TimeSpan.Zero, KeepAliveBasis.Fixed, 20), decision);
    }

    [Fact]
    public void A_single_peak_has_a_high_coefficient_of_variation_of_its_bin_counts()
    {
        // One bin of 240 holds all: sd/mean = sqrt(239).
        Assert.Equal(Math.Sqrt(Options.Bins - 1), Histogram([.. Enumerable.Repeat(7.0, 12)]).BinCountCv(), precision: 9);
    }

    [Fact]
    public void Only_the_gap_after_the_last_of_overlapping_runs_is_an_idle_time()
    {
        var time = new FakeTimeProvider();
        var idle = new IdleTimes(new KeepAliveOptions { MinIdleTimes = 1 }, Fixed, time);

        idle.Started("f");
        idle.Started("f");
        idle.Ended("f");
        time.Advance(TimeSpan.FromMinutes(3));
        idle.Started("f");
        idle.Ended("f");
        idle.Ended("f");
        time.Advance(TimeSpan.FromMinutes(7.5));
        idle.Started("f");

        // Only 7.5 min counts: when the third run started, the second still ran.
        Assert.Equal(1, idle.DecisionFor("f").IdleTimes);
        Assert.Equal(TimeSpan.FromMinutes(7 * 0.9), idle.DecisionFor("f").PrewarmAfter);
        Assert.Equal(new Dictionary<string, KeepAliveDecision> { ["f"] = idle.DecisionFor("f") }, idle.Decisions());
    }
}
