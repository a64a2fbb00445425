using Orleans.Faas.Batches;
using Orleans.Faas.Functions;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Batches;

public sealed class WaitingItemsTests
{
    private readonly MemoryState<BatchBacklog> _backlog = new();

    [Fact]
    public async Task Stored_items_wait_only_once_taken_up_and_then_in_input_order_but_the_finished()
    {
        var waiting = new WaitingItems(_backlog);

        await waiting.Store(Backlog(3, 0, 2, 1));
        Assert.Equal((1, 4, 0), (_backlog.Writes, waiting.Stored, waiting.Count));

        waiting.TakeUp(i => i == 2);

        Assert.Equal([0, 1, 3], waiting.ToArray());
        Assert.Equal(0, waiting.First);
        Assert.False(waiting.Contains(2));
    }

    [Fact]
    public async Task An_item_removed_no_longer_waits_but_the_backlog_keeps_its_input_until_let_go()
    {
        var waiting = new WaitingItems(_backlog);
        await waiting.Store(Backlog(0, 1));
        waiting.TakeUp(_ => false);

        waiting.Remove(0);

        Assert.Equal([1], waiting.ToArray());
        Assert.Equal(2, waiting.Stored);
        Assert.Equal([0], waiting.SubmissionOf(Guid.NewGuid(), 0).Input);
    }

    [Fact]
    public async Task Letting_go_clears_the_stored_backlog_once_and_an_empty_one_not_at_all()
    {
        var waiting = new WaitingItems(_backlog);
        await waiting.Store(Backlog(0));

        await waiting.LetGo();
        await waiting.LetGo();

        Assert.Equal((1, 0), (_backlog.Clears, waiting.Stored));
    }

    private static BatchBacklog Backlog(params int[] items) => new()
    {
        Plan = new InvocationPlan(new FunctionVersion(FaasClusterFixture.Script("fn", "echo"), 1, DateTimeOffset.UnixEpoch), [], null),
        Inputs = items.ToDictionary(i => i, i => new[] { (byte)i }),
    };
}
