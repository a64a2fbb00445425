using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>A worker that drops an attempt without a membership change is caught by the task's watchdog.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class TaskWatchdogTests(FaasClusterFixture fixture)
{
    // Each watchdog period is the one-second timeout plus the fixture's one-second grace; allow a few.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_attempt_its_worker_dropped_is_placed_again_and_completes()
    {
        var id = await fixture.Invoke("vanish-once", $"dropped-{Guid.NewGuid():N}", d => d with { Timeout = TimeSpan.FromSeconds(1) });

        await fixture.WaitForStatus([id], TaskState.Completed, patience: Patience);

        var task = (await fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot())!;
        Assert.Equal(2, task.Attempts);
    }

    [Fact]
    public async Task A_task_whose_worker_drops_every_attempt_fails_with_provider_lost_after_max_attempts()
    {
        var id = await fixture.Invoke("vanish", "", d => d with { Timeout = TimeSpan.FromSeconds(1), MaxAttempts = 2 });

        await fixture.WaitForStatus([id], TaskState.Failed, patience: Patience);

        var task = (await fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot())!;
        Assert.Equal(FailureReasons.ProviderLost, task.FailureReason);
        Assert.Equal(2, task.Attempts);
    }
}
