using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;
using Orleans.Faas.Watch;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>A task is accepted only once its watch range stored it: its range is what places it again when its node is lost.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class TaskAcceptanceTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_watch_call_lost_with_its_ranges_silo_is_made_again_and_the_task_is_accepted_watched()
    {
        var name = await fixture.Register("block");
        var id = Guid.NewGuid();
        var lost = 0;
        fixture.Faults.On(nameof(ITaskWatchGrain.Watch), id, call =>
            Interlocked.Increment(ref lost) <= 2 ? throw new SiloUnavailableException("The range's silo died during the call.") : call.Invoke());

        await fixture.Grains.GetGrain<IFunctionGrain>(name).InvokeAs(id, Encoding.UTF8.GetBytes("watched"), InvocationOptions.Default);

        Assert.True(WatchStored(id), "The accepted task is not in its watch range's stored tasks.");
        await fixture.WaitForStatus([id], TaskState.Completed, releaseEachPoll: true);
    }

    [Fact]
    public async Task A_task_its_watch_range_cannot_store_is_refused_leaves_nothing_and_is_accepted_when_sent_again()
    {
        var name = await fixture.Register("echo");
        var id = Guid.NewGuid();
        var function = fixture.Grains.GetGrain<IFunctionGrain>(name);
        fixture.Faults.On(nameof(ITaskWatchGrain.Watch), id, _ => throw new DatabaseAwayException("The range's storage is away."));

        var refused = await Record.ExceptionAsync(() => function.InvokeAs(id, Encoding.UTF8.GetBytes("again"), InvocationOptions.Default));

        Assert.Contains("watch range", Assert.IsType<TaskNotStoredException>(refused).Message);
        Assert.Null(await fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot());
        Assert.False(fixture.Storage.ContainsKey(("accepted", fixture.Grains.GetGrain<ITaskGrain>(id).GetGrainId())));

        // The caller's retry, as with its idempotency key, submits the same task.
        fixture.Faults.Clear(nameof(ITaskWatchGrain.Watch), id);
        await function.InvokeAs(id, Encoding.UTF8.GetBytes("again"), InvocationOptions.Default);
        await fixture.WaitForStatus([id], TaskState.Completed);
        Assert.Equal("again", Encoding.UTF8.GetString((await fixture.Grains.GetGrain<ITaskGrain>(id).GetResult())!.Output));
    }

    private bool WatchStored(Guid task) =>
        fixture.Storage.TryGetValue(("taskWatch", fixture.Grains.For(task).GetGrainId()), out var row) && ((TaskWatchRecord)row.State).Due.ContainsKey(task);
}
