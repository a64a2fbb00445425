using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>While a task's state cannot be stored, nothing about it changes that anyone can see, and nothing is lost.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class TaskStorageOutageTests(FaasClusterFixture fixture) : IDisposable
{
    private const string TaskGrainType = "task";

    [Fact]
    public async Task A_submission_that_cannot_be_stored_is_refused_and_leaves_no_task()
    {
        var name = $"echo-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, "echo"));

        var tasksBefore = StoredTasks();
        fixture.Storage.AwayFor = TaskGrainType;
        var refused = await Record.ExceptionAsync(() => fixture.Grains.GetGrain<IFunctionGrain>(name).Invoke("x"u8.ToArray(), InvocationOptions.Default));

        Assert.Contains("is away", Assert.IsType<TaskNotStoredException>(refused).Message);
        Assert.Equal(tasksBefore, StoredTasks());
    }

    [Fact]
    public async Task A_finish_that_cannot_be_stored_is_not_shown_and_arrives_once_storage_is_back_without_a_second_run()
    {
        var id = await fixture.Invoke("block", "held");
        await fixture.WaitForStatus([id], TaskState.Running);
        var task = fixture.Grains.GetGrain<ITaskGrain>(id);

        fixture.Storage.AwayFor = TaskGrainType;
        fixture.Gate.Release();
        // The run ended and its report is refused: for two seconds of retries, readers still see the stored RUNNING.
        await Poll.ThroughoutAsync(async () => Assert.Equal(TaskState.Running, (await task.GetSnapshot())!.Status), TimeSpan.FromSeconds(2));
        Assert.Equal(TaskState.Running, (await task.WaitUntilFinished(TimeSpan.FromMilliseconds(100)))!.Status);

        fixture.Storage.AwayFor = null;
        var finished = await task.WaitUntilFinished(ClusterTasks.Patience);

        Assert.Equal((TaskState.Completed, 1), (finished!.Status, finished.Attempts));
        Assert.Equal("held", System.Text.Encoding.UTF8.GetString((await task.GetResult())!.Output));
    }

    private int StoredTasks() => fixture.Storage.Keys.Count(key => key.Item2.Type.ToString() == TaskGrainType);

    public void Dispose() => fixture.Storage.AwayFor = null;
}
