using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>
/// What a task that runs once costs in storage: two writes when a free slot takes it (accepted and started, then
/// finished), three when it waits in its worker's queue, and the input in only the first.
/// </summary>
[Collection(FaasClusterCollection.Name)]
public sealed class TaskWriteCountTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_task_a_free_slot_takes_is_written_twice_and_its_input_once()
    {
        var input = new string('x', 100_000);
        var id = await fixture.Invoke("echo", input);
        await fixture.WaitForStatus([id], TaskState.Completed);

        var writes = WritesOf(id);
        Assert.Equal(1, writes["accepted"]);
        Assert.Equal(2, writes.Values.Sum());
        var grain = fixture.Grains.GetGrain<ITaskGrain>(id).GetGrainId();
        var accepted = Assert.IsType<AcceptedTask>(fixture.Storage[("accepted", grain)].State);
        Assert.Equal(input.Length, accepted.Submission!.Input.Length);
        // Stored as started in the one write that holds the input, so the worker's start wrote nothing.
        Assert.Equal(TaskState.Running, accepted.First.Status);
        Assert.NotNull(accepted.First.StartedAt);
        // Every other write stores a record that has no place for the input.
        Assert.Null(Assert.IsType<TaskRecord>(fixture.Storage[("task", grain)].State).Submission);
    }

    [Fact]
    public Task A_task_that_waits_for_a_slot_is_written_three_times() => fixture.WhileEverySlotIsHeld(async blockers =>
    {
        var queued = await fixture.Invoke("echo", "waited");
        Assert.Equal(TaskState.Queued, (await fixture.Grains.GetGrain<ITaskGrain>(queued).GetSnapshot())!.Status);

        fixture.Gate.Release(blockers.Count);
        await fixture.WaitForStatus([queued], TaskState.Completed);

        var writes = WritesOf(queued);
        Assert.Equal(1, writes["accepted"]);
        Assert.Equal(3, writes.Values.Sum());
    });

    private Dictionary<string, int> WritesOf(Guid id)
    {
        var grain = fixture.Grains.GetGrain<ITaskGrain>(id).GetGrainId();
        return fixture.Storage.Writes.Where(w => w.Key.Grain == grain).ToDictionary(w => w.Key.State, w => w.Value);
    }
}
