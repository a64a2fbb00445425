using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Batches;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Batches;

/// <summary>A batch is stored before any of its tasks is submitted, and a start that fails part-way submits nothing twice.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class BatchStartTests(FaasClusterFixture fixture) : IDisposable
{
    private const string BatchGrainType = "batch";
    private const string TaskGrainType = "task";
    private const int Items = 8;

    [Fact]
    public async Task A_batch_that_cannot_be_stored_submits_no_task_and_the_same_start_later_makes_each_task_once()
    {
        var (batch, request) = await NewBatch("echo");
        Assert.Null(await batch.GetSnapshot());

        fixture.Storage.AwayFor = BatchGrainType;
        await Assert.ThrowsAnyAsync<Exception>(() => batch.Start(request));
        Assert.Empty(TasksOf(batch.GetPrimaryKey()));

        fixture.Storage.AwayFor = null;
        await batch.Start(request);
        var finished = await batch.WaitUntilFinished(ClusterTasks.Patience);

        Assert.Equal(Items, finished!.Completed);
        Assert.Equal(Items, TasksOf(batch.GetPrimaryKey()).Count);
        Assert.Equal(Inputs(), (await batch.GetItems(0, Items))!.Value.Select(i => Encoding.UTF8.GetString(i.Output!)));
    }

    [Fact]
    public async Task A_batch_started_while_its_tasks_cannot_be_stored_is_accepted_and_each_item_runs_once_under_its_own_task_id_when_storage_is_back()
    {
        var (batch, request) = await NewBatch("echo");
        var id = batch.GetPrimaryKey();

        fixture.Storage.AwayFor = TaskGrainType;
        var started = await batch.Start(request);
        Assert.Equal((Items, Items), (started.Total, started.Queued));
        Assert.Equal(started, await batch.Start(request));
        Assert.Empty(TasksOf(id));

        fixture.Storage.AwayFor = null;
        var finished = await batch.WaitUntilFinished(ClusterTasks.Patience);
        var items = (await batch.GetItems(0, Items))!.Value;

        Assert.Equal(Items, finished!.Completed);
        Assert.Equal(Enumerable.Range(0, Items).Select(i => BatchTaskIds.Of(id, i)), items.Select(i => i.TaskId));
        Assert.Equal(Enumerable.Range(0, Items).Select(i => BatchTaskIds.Of(id, i)).Order(), TasksOf(id).Order());
        Assert.Equal(Inputs(), items.Select(i => Encoding.UTF8.GetString(i.Output!)));
    }

    [Fact]
    public async Task A_report_from_a_task_that_is_not_the_items_changes_nothing()
    {
        var (batch, request) = await NewBatch("block");
        await batch.Start(request);
        try
        {
            var taskIds = (await batch.GetItems(0, Items))!.Value.Select(i => i.TaskId).ToList();

            await batch.TaskReached(0, Guid.NewGuid(), TaskState.Completed);
            await batch.TaskReached(1, taskIds[0], TaskState.Failed);
            var after = await batch.WaitUntilFinished(TimeSpan.FromMilliseconds(200));

            Assert.Equal(0, after!.Completed + after.Failed);
        }
        finally
        {
            // Every blocked run takes one.
            fixture.Gate.Release(Items);
        }
        Assert.Equal(Items, (await batch.WaitUntilFinished(ClusterTasks.Patience))!.Completed);
    }

    [Fact]
    public async Task A_page_of_items_ends_early_once_its_outputs_fill_the_most_bytes_and_holds_one_item_at_the_least()
    {
        var name = $"echo-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, "echo"));
        var third = FaasClusterFixture.MaxPageBytes / 3;
        var inputs = new[] { third, third, third, FaasClusterFixture.MaxPageBytes * 2, 1 }.Select(n => new byte[n]).ToImmutableArray();
        var batch = fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid());
        await batch.Start(new BatchRequest(name, inputs, InvocationOptions.Default));
        await batch.WaitUntilFinished(ClusterTasks.Patience);

        Assert.Equal([0, 1, 2], (await batch.GetItems(0, 10))!.Value.Select(i => i.Index));
        Assert.Equal([3], (await batch.GetItems(3, 10))!.Value.Select(i => i.Index));
        Assert.Equal([4], (await batch.GetItems(4, 10))!.Value.Select(i => i.Index));
    }

    private async Task<(IBatchGrain, BatchRequest)> NewBatch(string script)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, script));
        var inputs = Inputs().Select(Encoding.UTF8.GetBytes).ToImmutableArray();
        return (fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid()), new BatchRequest(name, inputs, InvocationOptions.Default));
    }

    private static List<string> Inputs() => [.. Enumerable.Range(0, Items).Select(i => $"item-{i}")];

    /// <summary>The tasks stored as the batch's, found by what they were submitted with.</summary>
    private List<Guid> TasksOf(Guid batchId) =>
        [.. fixture.Storage.Where(row => row.Value.State is AcceptedTask { Submission.Batch: { } batch } && batch.BatchId == batchId).Select(row => row.Key.Item2.GetGuidKey())];

    public void Dispose() => fixture.Storage.AwayFor = null;
}
