using System.Collections.Immutable;
using System.Text;
using Orleans.Core.Internal;
using Orleans.Faas.Batches;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tests.Admission;

/// <summary>
/// Each node takes a slot's worth of running tasks and <see cref="ShortQueuesFixture.MaxQueued"/> waiting ones. Every
/// test fills the queues with blocked runs and releases each of them before it ends.
/// </summary>
[Collection(ShortQueuesCollection.Name)]
public sealed class QueueLimitTests(ShortQueuesFixture fixture)
{
    // A few watchdog periods (a function's timeout plus the fixture's one-second grace) and a few Retry-After waits.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_full_node_is_passed_over_and_once_every_node_is_full_a_new_task_is_refused_and_nothing_of_it_is_kept()
    {
        var (a, b) = (fixture.ProviderIds[0], fixture.ProviderIds[1]);
        var block = await Register("block");
        var onA = await InvokeEach(block, SlotsAndQueue, new InvocationOptions(Provider: a));

        var unpinned = await InvokeEach(block, SlotsAndQueue);
        var refusedId = Guid.NewGuid();
        var refused = await Assert.ThrowsAsync<QueueFullException>(() => Function(block).InvokeAs(refusedId, [], InvocationOptions.Default));
        var pinned = await Assert.ThrowsAsync<QueueFullException>(() => Function(block).InvokeAs(Guid.NewGuid(), [], new InvocationOptions(Provider: b)));
        var batchId = Guid.NewGuid();
        await Assert.ThrowsAsync<QueueFullException>(() => fixture.Grains.GetGrain<IBatchGrain>(batchId).Start(new BatchRequest(block, [[1], [2]], InvocationOptions.Default)));

        Assert.All(await Snapshots(unpinned), t => Assert.Equal(b, t.Provider));
        Assert.InRange(refused.RetryAfterSeconds, 1, 60);
        Assert.Null(await fixture.Grains.GetGrain<ITaskGrain>(refusedId).GetSnapshot());
        Assert.Null(await fixture.Grains.GetGrain<IBatchGrain>(batchId).GetSnapshot());
        Assert.Contains($"pinned to provider '{b}'", pinned.Message);
        Assert.All(await Loads(), l => Assert.Equal((1, ShortQueuesFixture.MaxQueued), (l.Running, l.Queued)));

        await Release([.. onA, .. unpinned]);
        var later = await Function(await Register("echo")).Invoke("room again"u8.ToArray(), InvocationOptions.Default);
        await fixture.WaitForStatus([later], TaskState.Completed);
    }

    [Fact]
    public async Task An_acknowledged_task_placed_again_while_every_node_is_full_stays_queued_and_runs_once_there_is_room()
    {
        // The watchdog's first look comes after the timeout and the fixture's grace: time enough to fill every queue.
        var dropped = await fixture.Invoke("vanish-once", $"dropped-{Guid.NewGuid():N}", d => d with { Timeout = TimeSpan.FromSeconds(2) });
        await UntilIdle();
        var blocked = await Fill();

        // Its worker dropped it; the watchdog places it again, finds every queue full, and leaves it queued.
        var waiting = await Until(dropped, t => t.Attempts == 2);
        Assert.Equal((TaskState.Queued, null), (waiting.Status, waiting.Provider));

        await Release(blocked);
        var finished = await Until(dropped, t => t.IsFinished);
        Assert.Equal((TaskState.Completed, 2), (finished.Status, finished.Attempts));
    }

    [Fact]
    public async Task A_task_handed_back_after_a_provider_loss_while_every_node_is_full_stays_queued_and_runs_once_there_is_room()
    {
        // The runs that hold every slot keep the default timeout, so a slow machine cannot time them out while the test
        // works; only the task handed back has a short one, for the watchdog's look (its timeout plus the grace) to come
        // within the test's patience. It comes last, when every slot runs, so it waits in the last place of a queue.
        var held = await InvokeEach(await Register("block"), ShortQueuesFixture.Capacity - 1);
        var moved = (await InvokeEach(await Register("block", TimeSpan.FromSeconds(2)), 1)).Single();
        List<Guid> blocked = [.. held, moved];
        Assert.Equal(TaskState.Queued, (await fixture.Grains.GetGrain<ITaskGrain>(moved).GetSnapshot())!.Status);

        // What the provider-loss watcher does for each attempt of a dead node: it must not be refused.
        await fixture.Grains.GetGrain<ITaskGrain>(moved).RetryAfterProviderLoss(1);
        var waiting = (await fixture.Grains.GetGrain<ITaskGrain>(moved).GetSnapshot())!;
        Assert.Equal((TaskState.Queued, 2, null), (waiting.Status, waiting.Attempts, waiting.Provider));

        // Its first attempt, still queued where it was, starts nothing; the watchdog places the second once there is room.
        await Release(blocked);
        Assert.Equal(2, (await fixture.Grains.GetGrain<ITaskGrain>(moved).GetSnapshot())!.Attempts);
    }

    [Fact]
    public async Task A_batch_whose_items_find_every_queue_full_keeps_them_waiting_and_submits_them_as_places_free_up()
    {
        var echo = await Register("echo");
        var blocked = await InvokeEach(await Register("block"), ShortQueuesFixture.Capacity - 1);
        var inputs = Enumerable.Range(0, 4).Select(i => Encoding.UTF8.GetBytes($"item-{i}")).ToImmutableArray();
        var batch = fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid());

        // The first item takes the last place; the others find none.
        var started = await batch.Start(new BatchRequest(echo, inputs, InvocationOptions.Default));
        var items = (await batch.GetItems(0, 10))!.Value;

        Assert.Equal((4, 4), (started.Total, started.Queued));
        Assert.All(items.Skip(1), i => Assert.Equal(TaskState.Queued, i.Status));
        var made = await Task.WhenAll(items.Select(async i => await fixture.Grains.GetGrain<ITaskGrain>(i.TaskId).GetSnapshot() is not null));
        Assert.Equal([true, false, false, false], made);

        await Release(blocked);
        var finished = await batch.WaitUntilFinished(Patience);
        Assert.Equal(4, finished!.Completed);
        Assert.Equal(inputs.Select(Encoding.UTF8.GetString), (await batch.GetItems(0, 10))!.Value.Select(i => Encoding.UTF8.GetString(i.Output!)));
    }

    [Fact]
    public async Task A_batch_activated_again_while_items_wait_offers_them_from_its_stored_backlog()
    {
        var echo = await Register("echo");
        var blocked = await InvokeEach(await Register("block"), ShortQueuesFixture.Capacity - 1);
        var batch = fixture.Grains.GetGrain<IBatchGrain>(Guid.NewGuid());
        await batch.Start(new BatchRequest(echo, [.. Enumerable.Range(0, 3).Select(i => Encoding.UTF8.GetBytes($"again-{i}"))], InvocationOptions.Default));

        // As when the batch's silo dies: this activation, with what it holds in memory, is gone before any place frees up.
        await batch.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await Release(blocked);
        var finished = await batch.WaitUntilFinished(Patience);

        Assert.Equal(3, finished!.Completed);
    }

    [Fact]
    public async Task A_chain_step_that_finds_every_queue_full_waits_for_room_instead_of_failing()
    {
        var echo = await Register("echo");
        var chain = $"chain-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IChainGrain>(chain).Define(new ChainDefinition(chain, [new ChainStep(echo)]));
        var blocked = await Fill();

        var started = await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun("through"u8.ToArray(), null);
        await Release(blocked);
        var run = await fixture.Grains.GetGrain<IChainRunGrain>(started.Id).WaitUntilFinished(Patience);

        Assert.Equal(ChainRunStatus.Completed, run!.Status);
        Assert.Equal("through"u8.ToArray(), run.Output);
    }

    private const int SlotsAndQueue = FaasClusterFixture.SlotsPerSilo + ShortQueuesFixture.MaxQueued;

    private IFunctionGrain Function(string name) => fixture.Grains.GetGrain<IFunctionGrain>(name);

    private async Task<string> Register(string script, TimeSpan? timeout = null)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        await Function(name).Register(FaasClusterFixture.Script(name, script, (timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds));
        return name;
    }

    private async Task<List<Guid>> InvokeEach(string function, int count, InvocationOptions? options = null)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
            ids.Add(await Function(function).Invoke(Encoding.UTF8.GetBytes($"{i}"), options ?? InvocationOptions.Default));
        return ids;
    }

    /// <summary>Blocked runs in every place of every node.</summary>
    private async Task<List<Guid>> Fill() => await InvokeEach(await Register("block"), ShortQueuesFixture.Capacity);

    /// <summary>Lets the blocked runs go, one each, and waits for all of them to finish.</summary>
    private async Task Release(IReadOnlyCollection<Guid> blocked)
    {
        fixture.Gate.Release(blocked.Count);
        await fixture.WaitForStatus(blocked, TaskState.Completed, patience: Patience);
    }

    private async Task<TaskSnapshot[]> Snapshots(IEnumerable<Guid> ids) =>
        await Task.WhenAll(ids.Select(async id => (await fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot())!));

    private async Task<ProviderLoad[]> Loads() =>
        await Task.WhenAll(fixture.ProviderIds.Select(p => fixture.Grains.GetGrain<IWorkerGrain>(p).GetLoad()));

    /// <summary>Waits until no node runs or holds anything, e.g. a run its worker dropped.</summary>
    private Task UntilIdle() => Poll.UntilAsync(Loads, loads => loads.All(l => l.Running + l.Queued == 0), Patience, "the nodes to become idle");

    private async Task<TaskSnapshot> Until(Guid id, Func<TaskSnapshot, bool> condition) =>
        (await Poll.UntilAsync(() => fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot(), t => condition(t!), Patience, $"task {id} to get there"))!;
}
