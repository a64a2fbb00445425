using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Retention;

/// <summary>Finished tasks are deleted from storage and memory once the retention has passed; running ones never are.</summary>
[Collection(RetentionClusterCollection.Name)]
public sealed class TaskRetentionTests(RetentionClusterFixture fixture)
{
    [Fact]
    public async Task A_finished_task_is_kept_for_the_retention_then_deleted_with_its_result_and_its_bucket()
    {
        var id = await fixture.Invoke("echo", "kept for a while");
        await fixture.WaitForStatus([id], TaskState.Completed, patience: RetentionClusterFixture.Patience);
        var task = fixture.Grains.GetGrain<ITaskGrain>(id);
        var finishedAt = (await task.GetSnapshot())!.FinishedAt!.Value;

        // Told to expire before its time, it stays and hands itself to a later bucket.
        await task.Expire();
        Assert.NotNull(await task.GetSnapshot());
        Assert.True(fixture.Storage.ContainsKey(("task", task.GetGrainId())));

        var gone = await fixture.WaitUntilExpired(task, "task");
        await fixture.WaitUntilNoBuckets();

        Assert.True(gone - finishedAt >= RetentionClusterFixture.Retention, $"Deleted {gone - finishedAt} after it finished.");
        Assert.Null(await task.GetSnapshot());
        Assert.Null(await task.GetResult());
    }

    [Fact]
    public async Task A_running_task_is_never_deleted_and_expires_only_once_it_has_finished()
    {
        var running = await fixture.Invoke("block", "held");
        await fixture.WaitForStatus([running], TaskState.Running, patience: RetentionClusterFixture.Patience);
        var task = fixture.Grains.GetGrain<ITaskGrain>(running);

        await task.Expire();
        // A task that finished after this one started has been deleted; this one is still there.
        var later = await fixture.Invoke("echo", "finished after the running one started");
        await fixture.WaitForStatus([later], TaskState.Completed, patience: RetentionClusterFixture.Patience);
        await fixture.WaitUntilExpired(fixture.Grains.GetGrain<ITaskGrain>(later), "task");

        Assert.Equal(TaskState.Running, (await task.GetSnapshot())!.Status);
        // A task a free slot took at once is stored started in its accepted record; one that waited, in its own.
        Assert.True(fixture.Storage.ContainsKey(("accepted", task.GetGrainId())) || fixture.Storage.ContainsKey(("task", task.GetGrainId())));

        fixture.Gate.Release();
        await fixture.WaitForStatus([running], TaskState.Completed, patience: RetentionClusterFixture.Patience);
        await fixture.WaitUntilExpired(task, "task");
        Assert.Null(await task.GetSnapshot());
    }
}
