using Orleans.Faas.Benchmarks;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Tests.Benchmarks;

public sealed class DueProvidersTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddDays(10);
    private static readonly RunStatistics Stats = new(100, 100, 100, 0, 5, null, null, null, null, null, null);

    private static ProviderSnapshot Provider(string id, TimeSpan? measuredAgo, ProviderStatus status = ProviderStatus.Ready, FunctionRuntime runtime = FunctionRuntime.Docker) => new(
        id, new NodeFacts(id, 2, 1L << 30, "cpu", null), [runtime], status, ProviderLoad.Idle, "silo", DateTimeOffset.UnixEpoch,
        measuredAgo is { } ago ? new ProviderBenchmark(Stats, Stats, Now - ago, Guid.Empty) : null);

    [Fact]
    public void Unmeasured_and_aged_ready_docker_providers_are_due()
    {
        var due = DueProviders.Of(
            [Provider("new", null), Provider("old", TimeSpan.FromDays(2)), Provider("fresh", TimeSpan.FromHours(1)),
             Provider("down", null, ProviderStatus.Down), Provider("processes", null, runtime: FunctionRuntime.Process)],
            Now, TimeSpan.FromDays(1));

        Assert.Equal(["new", "old"], due.Select(p => p.Id));
    }

    [Fact]
    public void A_lone_node_is_never_due()
    {
        Assert.Empty(DueProviders.Of([Provider("alone", null), Provider("down", null, ProviderStatus.Down)], Now, TimeSpan.FromDays(1)));
    }
}
