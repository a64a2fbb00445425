using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Retention;

/// <summary>
/// A task's expiry deletes two states, its submission and its record; a silo may die between the two. A cluster of its
/// own, as the bucket that expires the task keeps it, failing, for a minute.
/// </summary>
public sealed class TaskExpiryInterruptedTests(RetentionClusterFixture fixture) : IClassFixture<RetentionClusterFixture>
{
    [Fact]
    public async Task A_task_whose_expiry_stopped_between_its_two_deletes_is_not_revived_and_is_deleted_by_the_next()
    {
        var id = await fixture.Invoke("echo", "expired halfway");
        await fixture.WaitForStatus([id], TaskState.Completed, patience: RetentionClusterFixture.Patience);
        var task = fixture.Grains.GetGrain<ITaskGrain>(id);
        var grain = task.GetGrainId();
        fixture.Storage.DeletesLeft[grain] = 1;

        // Its expiry deletes one of the task's two states, then its silo "dies"; the task is active nowhere.
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Poll.UntilAsync(
            async () => Stored(grain) != 2 && !(await management.GetActiveGrains(grain.Type)).Contains(grain), RetentionClusterFixture.Patience,
            "the task's expiry to delete one of its states");

        // Read again from what is left, it is a task never submitted, not its first attempt QUEUED again.
        Assert.Null(await task.GetSnapshot());

        fixture.Storage.DeletesLeft.TryRemove(grain, out _);
        await task.Expire();
        Assert.Equal(0, Stored(grain));
    }

    private int Stored(GrainId grain) => fixture.Storage.Keys.Count(key => key.Item2 == grain);
}
