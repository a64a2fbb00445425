using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>Counts on blocked runs staying blocked, so it gets a cluster (and a gate) of its own.</summary>
public sealed class TaskCancellationTests : IAsyncLifetime
{
    private readonly FaasClusterFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_running_task_is_stopped_and_a_queued_one_never_starts()
    {
        // Three blocked runs on two one-slot silos: two run, one waits.
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await _fixture.Invoke("block", $"blocked-{i}"));
        var running = await InStatus(ids, TaskState.Running, expected: 2);
        var queued = Assert.Single(await InStatus(ids, TaskState.Queued, expected: 1));

        // The queued one first: stopping a run frees a slot the queued one could take.
        var dropped = await _fixture.Grains.GetGrain<ITaskGrain>(queued).Cancel();
        var stopped = await _fixture.Grains.GetGrain<ITaskGrain>(running[0]).Cancel();

        Assert.Equal((TaskState.Failed, FailureReasons.Cancelled), (stopped!.Status, stopped.FailureReason));
        Assert.Equal((TaskState.Failed, FailureReasons.Cancelled, null), (dropped!.Status, dropped.FailureReason, dropped.StartedAt));
        await Assert.ThrowsAsync<TaskAlreadyFinishedException>(() => _fixture.Grains.GetGrain<ITaskGrain>(queued).Cancel());

        // The other run still completes once released; the cancelled ones stay as they are.
        await _fixture.WaitForStatus([running[1]], TaskState.Completed, releaseEachPoll: true);
        Assert.Equal(dropped, await _fixture.Grains.GetGrain<ITaskGrain>(queued).GetSnapshot());
        Assert.Equal(stopped, await _fixture.Grains.GetGrain<ITaskGrain>(running[0]).GetSnapshot());
    }

    private async Task<List<Guid>> InStatus(List<Guid> ids, TaskState status, int expected)
    {
        var tasks = await Poll.UntilAsync(
            async () => await Task.WhenAll(ids.Select(id => _fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot())),
            tasks => tasks.Count(t => t!.Status == status) == expected, ClusterTasks.Patience, $"{expected} tasks to be {status}");
        return [.. tasks.Where(t => t!.Status == status).Select(t => t!.Id)];
    }

    [Fact]
    public async Task Cancelling_an_unknown_task_answers_null()
    {
        Assert.Null(await _fixture.Grains.GetGrain<ITaskGrain>(Guid.NewGuid()).Cancel());
    }
}
