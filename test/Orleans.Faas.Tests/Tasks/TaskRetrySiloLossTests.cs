using Orleans.Faas.DeadLetters;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>A retry's delay is stored, not held in memory: killing the silo of a task that waits for one loses nothing.</summary>
public sealed class TaskRetrySiloLossTests : IAsyncLifetime
{
    private static readonly TimeSpan DeathPatience = TimeSpan.FromSeconds(150);

    private readonly FaasClusterFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_retry_due_while_its_tasks_silo_is_dead_runs_on_the_survivor_once_and_not_before_it_is_due()
    {
        var victim = _fixture.Cluster.Silos[^1];
        var management = _fixture.Grains.GetGrain<IManagementGrain>(0);
        var retry = new RetryPolicy(2, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8));
        // Tasks land on either silo; the first that waits for its retry on the victim is the one followed.
        Guid? followed = null;
        for (var i = 0; i < 16 && followed is null; i++)
        {
            var id = await _fixture.Invoke("fail", $"reading-{i}", d => d with { Retry = retry });
            await Poll.UntilAsync(() => _fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot(), t => t!.RetryAt is not null, ClusterTasks.Patience, $"task {id} to wait for its retry");
            if (await management.GetActivationAddress(_fixture.Grains.GetGrain<ITaskGrain>(id)) == victim.SiloAddress)
                followed = id;
        }
        Assert.NotNull(followed);
        var task = _fixture.Grains.GetGrain<ITaskGrain>(followed.Value);
        var waiting = (await task.GetSnapshot())!;
        Assert.Equal(TaskState.Queued, waiting.Status);
        Assert.Null(waiting.Provider);

        await _fixture.Cluster.KillSiloAsync(victim);
        await _fixture.WaitForStatus([followed.Value], TaskState.Failed, patience: DeathPatience);

        var failed = (await task.GetSnapshot())!;
        var runs = failed.Runs!.Items;
        Assert.Equal(2, runs.Length);
        Assert.Equal(waiting.RetryAt, runs[0].RetryAt);
        Assert.True(runs[1].StartedAt >= runs[0].RetryAt, $"the retry ran at {runs[1].StartedAt}, before it was due at {runs[0].RetryAt}");
        Assert.Equal(_fixture.Cluster.Silos[0].Name, runs[1].Provider);
        var letter = await _fixture.Grains.GetGrain<IDeadLettersGrain>(failed.Function).Get(followed.Value);
        Assert.Equal(2, letter!.Runs.Length);
    }
}
