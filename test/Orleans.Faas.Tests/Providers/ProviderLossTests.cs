using System.Diagnostics;
using System.Text;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Providers;

/// <summary>Each test kills a silo, so each gets a two-silo cluster of its own.</summary>
public sealed class ProviderLossTests : IAsyncLifetime
{
    private static readonly TimeSpan DeathPatience = TimeSpan.FromSeconds(60);

    private readonly FaasClusterFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Attempts_on_a_killed_silo_are_placed_again_and_finish_on_a_survivor()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add(await _fixture.Invoke("block", $"task-{i}"));
        var victim = _fixture.Cluster.Silos[^1];
        var survivor = _fixture.Cluster.Silos[0].Name;
        var onVictim = await TasksOn(victim.Name, ids);
        Assert.NotEmpty(onVictim);

        var clock = Stopwatch.StartNew();
        await _fixture.Cluster.KillSiloAsync(victim);
        await Poll.UntilAsync(async () => (await Provider(victim.Name)).Status == ProviderStatus.Down, DeathPatience, "the killed provider to go down");
        await _fixture.WaitForStatus(ids, TaskState.Completed, releaseEachPoll: true, patience: DeathPatience);
        clock.Stop();

        foreach (var id in ids)
        {
            var grain = _fixture.Grains.GetGrain<ITaskGrain>(id);
            var task = (await grain.GetSnapshot())!;
            Assert.Equal(survivor, task.Provider);
            Assert.Equal(onVictim.Contains(id) ? 2 : 1, task.Attempts);
            var output = Encoding.UTF8.GetString((await grain.GetResult())!.Output);
            Assert.StartsWith("task-", output);

            // The lost attempt may still report, e.g. from a silo that was only cut off: it changes nothing.
            await grain.Finish(1, new ExecutionOutcome(9, Encoding.UTF8.GetBytes("late"), "", false, TimeSpan.Zero, false));
            Assert.Equal(output, Encoding.UTF8.GetString((await grain.GetResult())!.Output));
        }
        Assert.True(clock.Elapsed < DeathPatience);
    }

    [Fact]
    public async Task A_task_whose_last_attempt_is_lost_with_its_provider_fails_with_provider_lost()
    {
        var victim = _fixture.Cluster.Silos[^1];
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
            ids.Add(await _fixture.Invoke("block", $"once-{i}", d => d with { MaxAttempts = 1 }));
        var onVictim = Assert.Single(await TasksOn(victim.Name, ids));

        await _fixture.Cluster.KillSiloAsync(victim);
        await _fixture.WaitForStatus([onVictim], TaskState.Failed, patience: DeathPatience);

        var task = (await _fixture.Grains.GetGrain<ITaskGrain>(onVictim).GetSnapshot())!;
        Assert.Equal(FailureReasons.ProviderLost, task.FailureReason);
        Assert.Contains(victim.Name, task.Error);
        Assert.Equal(1, task.Attempts);
        _fixture.Gate.Release(2);
    }

    private async Task<HashSet<Guid>> TasksOn(string provider, IEnumerable<Guid> ids)
    {
        var on = new HashSet<Guid>();
        foreach (var id in ids)
        {
            if ((await _fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot())!.Provider == provider)
                on.Add(id);
        }
        return on;
    }

    private async Task<ProviderSnapshot> Provider(string id) => (await _fixture.Grains.GetGrain<IProviderGrain>(id).GetSnapshot())!;
}
