using System.Collections.Immutable;
using Orleans.Faas.Benchmarks;

namespace Orleans.Faas.Tests.Benchmarks;

public sealed class WaitEstimateTests
{
    private static readonly DateTimeOffset Started = DateTimeOffset.UnixEpoch;

    private static BenchmarkSnapshot Job(int done, int total) => new(
        Guid.NewGuid(),
        new BenchmarkRequest(BenchmarkKind.Providers, [], null, [], 5, ImmutableDictionary<long, byte[]>.Empty, null, TimeSpan.FromMinutes(10), null),
        BenchmarkStatus.Running, done, total, Started, Started, null, "silo", null, [], null);

    [Fact]
    public void The_wait_is_the_time_per_run_so_far_times_the_runs_left()
    {
        Assert.Equal(30, WaitEstimate.Seconds(Job(done: 4, total: 16), Started.AddSeconds(10)));
        Assert.Equal(90, WaitEstimate.Seconds(Job(done: 4, total: 16), Started.AddSeconds(30)));
    }

    [Fact]
    public void Before_any_run_ended_a_run_lasts_at_least_as_long_as_the_one_going_has()
    {
        Assert.Equal(150, WaitEstimate.Seconds(Job(done: 0, total: 16), Started.AddSeconds(10)));
        Assert.Equal(1, WaitEstimate.Seconds(Job(done: 0, total: 16), Started));
    }

    [Fact]
    public void Before_any_run_ended_a_run_lasts_as_long_as_one_of_the_last_job_of_its_kind()
    {
        Assert.Equal(38, WaitEstimate.Seconds(Job(done: 0, total: 16), Started.AddSeconds(2), previousSecondsPerRun: 2.5));
        Assert.Equal(2.5, SecondsPerRunOf(done: 8, seconds: 20));
    }

    [Fact]
    public void The_wait_never_goes_beyond_the_timeout_nor_below_a_second()
    {
        Assert.Equal(500, WaitEstimate.Seconds(Job(done: 0, total: 16), Started.AddSeconds(100), previousSecondsPerRun: 60));
        Assert.Equal(1, WaitEstimate.Seconds(Job(done: 16, total: 16), Started.AddSeconds(10)));
    }

    private static double? SecondsPerRunOf(int done, int seconds) =>
        WaitEstimate.SecondsPerRun(Job(done, done) with { Status = BenchmarkStatus.Finished, FinishedAt = Started.AddSeconds(seconds) });
}
