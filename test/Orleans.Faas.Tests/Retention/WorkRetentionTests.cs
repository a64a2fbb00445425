using Orleans.Faas.Batches;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Retention;

/// <summary>Batches and chain runs expire with the same retention as their tasks, and show an expired task as such meanwhile.</summary>
[Collection(RetentionClusterCollection.Name)]
public sealed class WorkRetentionTests(RetentionClusterFixture fixture)
{
    [Fact]
    public async Task A_running_batch_shows_an_expired_task_as_expired_and_expires_itself_once_finished()
    {
        var name = await fixture.Register("block");
        var batch = fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid());
        await batch.Start(new BatchRequest(name, [[1], [2]], InvocationOptions.Default));
        var items = (await batch.GetItems(0, 2))!.Value;
        await fixture.WaitForStatus(items.Select(i => i.TaskId), TaskState.Running, patience: RetentionClusterFixture.Patience);

        fixture.Gate.Release();
        var expired = await WaitForExpiredItem(batch);
        var other = (await batch.GetItems(1 - expired.Index, 1))!.Value.Single();

        Assert.Equal((TaskState.Completed, BatchGrain.ExpiredReason, (byte[]?)null), (expired.Status, expired.FailureReason, expired.Output));
        Assert.Equal(TaskState.Running, other.Status);
        Assert.Equal((1, 1), ((await batch.GetSnapshot())!.Completed, (await batch.GetSnapshot())!.Running));

        fixture.Gate.Release();
        Assert.True((await batch.WaitUntilFinished(RetentionClusterFixture.Patience))!.IsFinished);
        await fixture.WaitUntilExpired(batch, "batch");
        Assert.Null(await batch.GetSnapshot());
        Assert.Null(await batch.GetItems(0, 2));
    }

    [Fact]
    public async Task A_finished_chain_run_is_deleted_after_the_retention_as_its_step_tasks_are()
    {
        var echo = await fixture.Register("echo");
        var chain = $"chain-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IChainGrain>(chain).Define(new ChainDefinition(chain, [new ChainStep(echo), new ChainStep(echo)]));
        var started = await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun("x"u8.ToArray(), null);
        var run = fixture.Grains.GetGrain<IChainRunGrain>(started.Id);
        var finished = (await run.WaitUntilFinished(RetentionClusterFixture.Patience))!;
        Assert.Equal(ChainRunStatus.Completed, finished.Status);

        await fixture.WaitUntilExpired(run, "chainRun");
        foreach (var step in finished.Steps)
            await fixture.WaitUntilExpired(fixture.Grains.GetGrain<ITaskGrain>(step.TaskId!.Value), "task");
        Assert.Null(await run.GetSnapshot());
    }

    private static async Task<BatchItem> WaitForExpiredItem(IBatchGrain batch) =>
        (await Poll.UntilAsync(
            async () => (await batch.GetItems(0, 2))!.Value, items => items.Any(i => i.FailureReason == BatchGrain.ExpiredReason),
            RetentionClusterFixture.Patience, "an item of the batch to expire")).First(i => i.FailureReason == BatchGrain.ExpiredReason);
}
