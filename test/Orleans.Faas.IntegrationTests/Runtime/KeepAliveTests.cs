using Docker.DotNet;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.KeepAlive;
using static Orleans.Faas.IntegrationTests.Runtime.RunBytes;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Keep-alive by the idle-time histogram on the real dockerd: a periodic function is prewarmed, a fixed window that caught no call keeps nothing, and the node's budget holds.</summary>
public sealed class KeepAliveTests : IDisposable
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestEnvironment.DockerEndpoint)).CreateClient();

    public void Dispose() => _docker.Dispose();

    [Fact]
    public async Task A_function_invoked_periodically_gets_a_container_started_before_its_next_call()
    {
        // 1-second bins: a 3.5-second period puts every idle time mid-bin in [3, 4) s (not on the bin's edge, where a timer
        // a hair early puts it in the bin below), so the prewarm comes at 2.7 s and lasts until 4.4 s.
        await using var runner = TestDockerRunners.Create(keepAlive: new KeepAliveOptions { BinWidth = TimeSpan.FromSeconds(1), Bins = 30, MinIdleTimes = 3 });
        var function = TestFunctions.Docker("cat");
        var changes = 0;
        runner.IdleWarmChanged += () => Interlocked.Increment(ref changes);
        var period = TimeSpan.FromSeconds(3.5);
        for (var call = 0; call < 4; call++)
        {
            // The trace's arrivals: a call every period after the last one ended.
            if (call > 0)
                await Task.Delay(period);
            Assert.True((await runner.RunAsync(function, Utf8($"{call}"), CancellationToken.None)).Succeeded);
        }

        var decision = runner.KeepAliveByFunction()[function.Name];
        Assert.Equal(new KeepAliveDecision(TimeSpan.FromSeconds(4 * 1.1 - 2.7), TimeSpan.FromSeconds(2.7), KeepAliveBasis.Histogram, 3), decision);
        // Not kept after the run: none is expected before the prewarm window ends.
        Assert.Empty(await _docker.ContainersOf(function));

        // Started at the prewarm window less the time starts took here, then kept for the keep-alive window; the node's
        // worker is told, so that its load report carries the new idle container before the next call.
        await Poll.UntilAsync(() => Volatile.Read(ref changes) == 1, TimeSpan.FromSeconds(20), "the container started ahead of the next call", TimeSpan.FromMilliseconds(20));
        Assert.Equal(1, runner.IdleContainers(function));
        var next = await runner.RunAsync(function, Utf8("next"), CancellationToken.None);

        Assert.Equal("next", Text(next.Output));
        Assert.False(next.Conditions!.Cold, "the call after the prewarm started a container of its own");
    }

    [Fact]
    public async Task A_function_whose_calls_all_came_after_the_fixed_keep_alive_ended_keeps_no_container()
    {
        // Half-second bins, so that an idle time past the fixed second is in a bin that begins after it; one such idle
        // time is enough here.
        await using var runner = TestDockerRunners.Create(
            pool: new WarmPoolOptions { IdleTimeout = TimeSpan.FromSeconds(1) },
            keepAlive: new KeepAliveOptions { BinWidth = TimeSpan.FromSeconds(0.5), Bins = 60, MinOutlasting = 1 });
        var function = TestFunctions.Docker("cat");

        Assert.True((await runner.RunAsync(function, Utf8("first"), CancellationToken.None)).Succeeded);
        Assert.Equal(1, runner.IdleContainers(function));
        // Called again only once the fixed keep-alive has ended and its container is gone: that window caught no call.
        await Poll.UntilAsync(async () => (await _docker.ContainersOf(function)).Count == 0, TimeSpan.FromSeconds(20), "the idle container to be removed after its second", TimeSpan.FromMilliseconds(50));
        var second = await runner.RunAsync(function, Utf8("second"), CancellationToken.None);

        Assert.True(second.Conditions!.Cold);
        Assert.Equal(new KeepAliveDecision(TimeSpan.Zero, TimeSpan.Zero, KeepAliveBasis.OutlastFixed, 1), runner.KeepAliveByFunction()[function.Name]);
        Assert.Equal(0, runner.IdleContainers(function));
        Assert.Empty(await _docker.ContainersOf(function));
    }

    [Fact]
    public async Task The_node_keeps_no_more_idle_containers_than_its_budget_of_every_function()
    {
        await using var runner = TestDockerRunners.Create(pool: new WarmPoolOptions { MaxIdleOnNode = 1 });
        var first = TestFunctions.Docker("cat");
        var second = TestFunctions.Docker("cat");

        await runner.RunAsync(first, Utf8("one"), CancellationToken.None);
        await runner.RunAsync(second, Utf8("two"), CancellationToken.None);

        Assert.Equal((1, 0), (runner.IdleContainers(first), runner.IdleContainers(second)));
        Assert.Empty(await _docker.ContainersOf(second));
        Assert.Equal(KeepAliveBasis.TooFewIdleTimes, runner.KeepAliveByFunction()[second.Name].Basis);
    }
}
