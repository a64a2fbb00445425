using Orleans.Faas.DeadLetters;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;
using Orleans.Runtime.Placement;

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
        // The task is placed on the victim: the default placement need not spread a test's few tasks over both silos.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, victim.SiloAddress);
        Guid followed;
        try
        {
            followed = await _fixture.Invoke("fail", "reading", d => d with { Retry = retry });
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
        await Poll.UntilAsync(() => _fixture.Grains.GetGrain<ITaskGrain>(followed).GetSnapshot(), t => t!.RetryAt is not null, ClusterTasks.Patience, $"task {followed} to wait for its retry");
        Assert.Equal(victim.SiloAddress, await management.GetActivationAddress(_fixture.Grains.GetGrain<ITaskGrain>(followed)));
        var task = _fixture.Grains.GetGrain<ITaskGrain>(followed);
        var waiting = (await task.GetSnapshot())!;
        Assert.Equal(TaskState.Queued, waiting.Status);
        Assert.Null(waiting.Provider);

        await _fixture.Cluster.KillSiloAsync(victim);
        await _fixture.WaitForStatus([followed], TaskState.Failed, patience: DeathPatience);

        var failed = (await task.GetSnapshot())!;
        var runs = failed.Runs!.Items;
        Assert.Equal(2, runs.Length);
        Assert.Equal(waiting.RetryAt, runs[0].RetryAt);
        Assert.True(runs[1].StartedAt >= runs[0].RetryAt, $"the retry ran at {runs[1].StartedAt}, before it was due at {runs[0].RetryAt}");
        Assert.Equal(_fixture.Cluster.Silos[0].Name, runs[1].Provider);
        var letter = await _fixture.Grains.GetGrain<IDeadLettersGrain>(failed.Function).Get(followed);
        Assert.Equal(2, letter!.Runs.Length);
    }
}
