using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Docker;
using static Orleans.Faas.IntegrationTests.Runtime.RunBytes;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Warm containers on the real dockerd: reused, bounded, aged out, and replaced when they die.</summary>
public sealed class WarmPoolTests : IDisposable
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestEnvironment.DockerEndpoint)).CreateClient();

    public void Dispose() => _docker.Dispose();

    [Fact]
    public async Task A_second_run_reuses_the_container_and_skips_create_and_start()
    {
        await using var runner = TestDockerRunners.Create();
        var function = TestFunctions.Docker("cat");

        var cold = await runner.RunAsync(function, Utf8("one"), CancellationToken.None);
        var containerAfterCold = Assert.Single(await _docker.ContainersOf(function)).ID;
        var warm = await runner.RunAsync(function, Utf8("two"), CancellationToken.None);

        Assert.Equal("two", Text(warm.Output));
        Assert.Equal(containerAfterCold, Assert.Single(await _docker.ContainersOf(function)).ID);
        Assert.Equal(1, runner.IdleContainers(function));
        Assert.True(warm.Conditions!.ContainerMs * 3 < cold.Conditions!.ContainerMs,
            $"getting a warm container took {warm.Conditions.ContainerMs} ms, a new one {cold.Conditions.ContainerMs} ms");
    }

    [Fact]
    public async Task A_run_reports_whether_its_container_was_new_how_long_getting_it_took_and_its_cpu_quota()
    {
        await using var runner = TestDockerRunners.Create(docker: o => o.CpuCap = 0.5);
        var function = TestFunctions.Docker("cat") with { Cpu = 2 };

        var cold = await runner.RunAsync(function, Utf8("one"), CancellationToken.None);
        var warm = await runner.RunAsync(function, Utf8("two"), CancellationToken.None);

        Assert.True(cold.Conditions is { Cold: true, ContainerMs: > 0, CpuQuota: 0.5 }, $"{cold.Conditions}");
        Assert.True(warm.Conditions is { Cold: false, ContainerMs: >= 0, CpuQuota: 0.5 }, $"{warm.Conditions}");
        Assert.True(warm.Conditions.ContainerMs < cold.Conditions.ContainerMs, $"warm {warm.Conditions}, cold {cold.Conditions}");
    }

    [Fact]
    public async Task Quick_runs_without_input_never_lose_their_agent()
    {
        // The agent can finish such a run before the node is done writing its request; that once read as a broken agent.
        await using var runner = TestDockerRunners.Create();
        var function = TestFunctions.Docker("true");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var results = new List<bool>();
            for (var i = 0; i < 150; i++)
                results.Add((await runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None)).Succeeded);
            return results;
        }));

        Assert.All(outcomes.SelectMany(o => o), Assert.True);
        Assert.Equal(4, runner.IdleContainers(function));
    }

    [Fact]
    public async Task Idle_containers_are_removed_after_the_idle_timeout()
    {
        await using var runner = TestDockerRunners.Create(pool: new WarmPoolOptions { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        var function = TestFunctions.Docker("cat");

        await runner.RunAsync(function, Utf8("x"), CancellationToken.None);
        Assert.Single(await _docker.ContainersOf(function));

        await Poll.UntilAsync(async () => (await _docker.ContainersOf(function)).Count == 0, TimeSpan.FromSeconds(10), "the idle container to be removed");
        Assert.Equal(0, runner.IdleContainers(function));
    }

    [Fact]
    public async Task The_pool_keeps_at_most_its_size_of_idle_containers()
    {
        await using var runner = TestDockerRunners.Create(pool: new WarmPoolOptions { MaxIdlePerFunction = 2 });
        var function = TestFunctions.Docker("sh", "-c", "sleep 1; cat");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => runner.RunAsync(function, Utf8($"{i}"), CancellationToken.None)));

        Assert.Equal(2, runner.IdleContainers(function));
        Assert.Equal(2, (await _docker.ContainersOf(function)).Count);
    }

    [Fact]
    public async Task A_warm_container_that_died_is_replaced_by_a_fresh_one()
    {
        await using var runner = TestDockerRunners.Create();
        var function = TestFunctions.Docker("cat");
        await runner.RunAsync(function, Utf8("one"), CancellationToken.None);
        var dead = Assert.Single(await _docker.ContainersOf(function)).ID;
        await _docker.Containers.RemoveContainerAsync(dead, new ContainerRemoveParameters { Force = true });

        var outcome = await runner.RunAsync(function, Utf8("two"), CancellationToken.None);

        Assert.Equal("two", Text(outcome.Output));
        Assert.NotEqual(dead, Assert.Single(await _docker.ContainersOf(function)).ID);
    }

    [Fact]
    public async Task A_changed_definition_never_reuses_the_old_container()
    {
        await using var runner = TestDockerRunners.Create();
        var first = TestFunctions.Docker("sh", "-c", "printf %s \"$V\"") with { Env = ImmutableDictionary<string, string>.Empty.Add("V", "1") };
        var second = first with { Env = ImmutableDictionary<string, string>.Empty.Add("V", "2") };

        var one = await runner.RunAsync(first, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        var two = await runner.RunAsync(second, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("1", Text(one.Output));
        Assert.Equal("2", Text(two.Output));
        Assert.Equal(2, (await _docker.ContainersOf(first)).Count);
        // Reported per version, as placement looks them up: neither version counts the other's idle container as its own.
        var idle = runner.IdleByVersion();
        Assert.Equal(2, idle.Count);
        Assert.Equal(1, idle[WarmKey.Of(first)]);
        Assert.Equal(1, idle[WarmKey.Of(second)]);
    }

    [Fact]
    public async Task Removing_a_function_idle_containers_takes_all_its_versions_and_leaves_its_running_ones_and_other_functions()
    {
        await using var runner = TestDockerRunners.Create();
        // Sleeps as many seconds as its input says, so one run can be kept busy while the others sit idle.
        var first = TestFunctions.Docker("sh", "-c", "read s; sleep \"$s\"; echo done");
        var second = first with { Env = ImmutableDictionary<string, string>.Empty.Add("V", "2") };
        var other = TestFunctions.Docker("cat");
        await Task.WhenAll(runner.RunAsync(first, Utf8("0\n"), CancellationToken.None), runner.RunAsync(first, Utf8("0\n"), CancellationToken.None));
        await runner.RunAsync(second, Utf8("0\n"), CancellationToken.None);
        await runner.RunAsync(other, Utf8("x"), CancellationToken.None);
        var busy = runner.RunAsync(first, Utf8("2\n"), CancellationToken.None);
        await Poll.UntilAsync(() => runner.IdleContainers(first) <= 1, TimeSpan.FromSeconds(10), "the busy run to take one of the idle containers", TimeSpan.FromMilliseconds(10));

        var removed = await runner.RemoveIdleAsync(first.Name, CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.Equal(0, runner.IdleContainers(first));
        Assert.Equal(0, runner.IdleContainers(second));
        Assert.Single(await _docker.ContainersOf(first));
        Assert.Equal(1, runner.IdleContainers(other));
        Assert.Single(await _docker.ContainersOf(other));
        Assert.Equal("done\n", Text((await busy).Output));
        Assert.Equal(1, runner.IdleContainers(first));
        Assert.Equal(0, await runner.RemoveIdleAsync($"it-{Guid.NewGuid():N}", CancellationToken.None));
    }

    [Fact]
    public async Task Disposing_the_runner_removes_its_idle_containers()
    {
        var function = TestFunctions.Docker("cat");
        await using (var runner = TestDockerRunners.Create())
            await runner.RunAsync(function, Utf8("x"), CancellationToken.None);

        Assert.Empty(await _docker.ContainersOf(function));
    }
}
