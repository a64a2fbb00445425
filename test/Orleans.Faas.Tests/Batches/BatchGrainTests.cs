using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Batches;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Batches;

[Collection(FaasClusterCollection.Name)]
public sealed class BatchGrainTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_batch_makes_one_task_per_input_and_counts_them_to_the_end_with_items_in_input_order()
    {
        var name = await Register("echo");
        var inputs = Enumerable.Range(0, 20).Select(i => Encoding.UTF8.GetBytes($"in-{i}")).ToImmutableArray();
        var batch = fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid());

        var started = await batch.Start(new BatchRequest(name, inputs, InvocationOptions.Default));
        var finished = await batch.WaitUntilFinished(TimeSpan.FromSeconds(30));
        var items = (await batch.GetItems(0, 100))!.Value;

        Assert.Equal(20, started.Total);
        Assert.Equal(1, started.FunctionVersion);
        Assert.True(finished!.IsFinished);
        Assert.Equal(20, finished.Completed);
        Assert.NotNull(finished.FinishedAt);
        Assert.Equal(inputs.Select(Encoding.UTF8.GetString), items.Select(i => Encoding.UTF8.GetString(i.Output!)));
        Assert.Equal(Enumerable.Range(0, 20), items.Select(i => i.Index));
        var task = await fixture.Grains.GetGrain<ITaskGrain>(items[5].TaskId).GetSnapshot();
        Assert.Equal(new BatchMembership(started.Id, 5), task!.Batch);
        Assert.Equal(items[18..].Select(i => i.TaskId), (await batch.GetItems(18, 5))!.Value.Select(i => i.TaskId));
    }

    [Fact]
    public async Task Failed_tasks_are_counted_as_failed_with_their_reason_and_no_output()
    {
        var name = await Register("fail");
        var batch = fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid());

        await batch.Start(new BatchRequest(name, [[1], [2]], InvocationOptions.Default));
        var finished = await batch.WaitUntilFinished(TimeSpan.FromSeconds(30));
        var items = (await batch.GetItems(0, 10))!.Value;

        Assert.Equal(2, finished!.Failed);
        Assert.All(items, i => Assert.Equal((TaskState.Failed, FailureReasons.NonZeroExit, (byte[]?)null), (i.Status, i.FailureReason, i.Output)));
    }

    [Fact]
    public async Task An_unknown_function_starts_nothing_and_an_unstarted_batch_reads_as_null()
    {
        var batch = fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid());

        await Assert.ThrowsAsync<FunctionNotFoundException>(() => batch.Start(new BatchRequest($"nobody-{Guid.NewGuid():N}"[..20], [[1]], InvocationOptions.Default)));

        Assert.Null(await batch.GetSnapshot());
        Assert.Null(await batch.GetItems(0, 10));
    }

    private async Task<string> Register(string script)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, script));
        return name;
    }
}
