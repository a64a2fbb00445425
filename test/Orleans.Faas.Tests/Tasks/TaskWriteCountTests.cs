using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>What a task that runs once costs in storage: three writes, and the input in only the first.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class TaskWriteCountTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_task_that_runs_once_is_written_three_times_and_its_input_once()
    {
        var input = new string('x', 100_000);
        var id = await fixture.Invoke("echo", input);
        await fixture.WaitForStatus([id], TaskState.Completed);

        var grain = fixture.Grains.GetGrain<ITaskGrain>(id).GetGrainId();
        var writes = fixture.Storage.Writes.Where(w => w.Key.Grain == grain).ToDictionary(w => w.Key.State, w => w.Value);
        Assert.Equal(1, writes["accepted"]);
        Assert.Equal(3, writes.Values.Sum());
        // Every other write stores a record that has no place for the input.
        var accepted = Assert.IsType<AcceptedTask>(fixture.Storage[("accepted", grain)].State);
        Assert.Equal(input.Length, accepted.Submission!.Input.Length);
        Assert.Null(Assert.IsType<TaskRecord>(fixture.Storage[("task", grain)].State).Submission);
    }
}
