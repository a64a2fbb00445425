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
    public void Before_any_run_ended_the_wait_is_what_is_left_of_the_timeout_and_never_below_a_second()
    {
        Assert.Equal(590, WaitEstimate.Seconds(Job(done: 0, total: 16), Started.AddSeconds(10)));
        Assert.Equal(1, WaitEstimate.Seconds(Job(done: 16, total: 16), Started.AddSeconds(10)));
    }
}
