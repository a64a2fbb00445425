using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

[Collection(FaasClusterCollection.Name)]
public sealed class TaskLifecycleClusterTests(FaasClusterFixture fixture)
{
    private static readonly TimeSpan Patience = ClusterTasks.Patience;

    [Fact]
    public async Task A_completed_task_carries_its_output_provider_and_ordered_timestamps()
    {
        var taskId = await fixture.Invoke("echo", "hello");

        var task = await fixture.Grains.GetGrain<ITaskGrain>(taskId).WaitUntilFinished(Patience);
        var result = await fixture.Grains.GetGrain<ITaskGrain>(taskId).GetResult();

        Assert.NotNull(task);
        Assert.Equal(TaskState.Completed, task.Status);
        Assert.Equal(1, task.Attempts);
        Assert.Equal(0, task.ExitCode);
        Assert.Contains(task.Provider, fixture.ProviderIds);
        Assert.True(task.QueuedAt <= task.StartedAt && task.StartedAt <= task.FinishedAt);
        Assert.Equal("hello", Encoding.UTF8.GetString(result!.Output));
        Assert.Equal(5, task.InputBytes);
        Assert.Equal(5, task.ResultBytes);
    }

    [Fact]
    public async Task A_worker_runs_on_the_silo_its_provider_names()
    {
        for (var i = 0; i < 4; i++)
        {
            var taskId = await fixture.Invoke("whoami", "");
            var task = await fixture.Grains.GetGrain<ITaskGrain>(taskId).WaitUntilFinished(Patience);
            var result = await fixture.Grains.GetGrain<ITaskGrain>(taskId).GetResult();

            Assert.Equal(task!.Provider, Encoding.UTF8.GetString(result!.Output));
        }
    }

    [Theory]
    [InlineData("fail", FailureReasons.NonZeroExit, 3, "boom")]
    [InlineData("timeout", FailureReasons.Timeout, null, "timeout")]
    [InlineData("unstartable", FailureReasons.StartFailed, null, "no such program")]
    [InlineData("engine-down", FailureReasons.RuntimeUnavailable, null, "did not answer")]
    public async Task An_unsuccessful_run_fails_with_a_reason_exit_code_and_error(string script, string reason, int? exitCode, string errorPart)
    {
        var taskId = await fixture.Invoke(script, "");

        var task = await fixture.Grains.GetGrain<ITaskGrain>(taskId).WaitUntilFinished(Patience);

        Assert.Equal(TaskState.Failed, task!.Status);
        Assert.Equal(reason, task.FailureReason);
        Assert.Equal(exitCode, task.ExitCode);
        Assert.Contains(errorPart, task.Error);
    }

    [Fact]
    public async Task Reports_about_a_stale_attempt_or_a_finished_task_change_nothing()
    {
        var taskId = await fixture.Invoke("echo", "kept");
        var grain = fixture.Grains.GetGrain<ITaskGrain>(taskId);
        var finished = await grain.WaitUntilFinished(Patience);

        var late = new ExecutionOutcome(9, Encoding.UTF8.GetBytes("late"), "", false, TimeSpan.Zero, false);
        await grain.Finish(attempt: 2, late);
        await grain.Finish(attempt: 1, late);
        await grain.Fail(attempt: 1, "whatever", "too late");
        Assert.False(await grain.TryStart(attempt: 1, "elsewhere", ProviderLoad.Idle));

        Assert.Equal(finished, await grain.GetSnapshot());
        Assert.Equal("kept", Encoding.UTF8.GetString((await grain.GetResult())!.Output));
    }

    [Fact]
    public Task Full_slots_queue_tasks_in_order_and_a_queued_task_cannot_be_finished() => fixture.WhileEverySlotIsHeld(async blockers =>
    {
        var queued = await fixture.Invoke("echo", "waited");
        var grain = fixture.Grains.GetGrain<ITaskGrain>(queued);
        Assert.Equal(TaskState.Queued, (await grain.GetSnapshot())!.Status);

        var outcome = new ExecutionOutcome(0, [], "", false, TimeSpan.Zero, false);
        var illegal = await Assert.ThrowsAsync<IllegalTaskTransitionException>(() => grain.Finish(attempt: 1, outcome));
        Assert.Equal(TaskState.Queued, illegal.From);
        Assert.Equal(TaskState.Queued, (await grain.GetSnapshot())!.Status);

        fixture.Gate.Release(blockers.Count);
        var done = await grain.WaitUntilFinished(Patience);
        Assert.Equal(TaskState.Completed, done!.Status);
        Assert.Equal("waited", Encoding.UTF8.GetString((await grain.GetResult())!.Output));
    });

    [Fact]
    public async Task Invoking_an_unknown_function_is_rejected()
    {
        await Assert.ThrowsAsync<FunctionNotFoundException>(() => fixture.Grains.GetGrain<IFunctionGrain>("nobody-home").Invoke([], InvocationOptions.Default));
    }

    [Fact]
    public async Task A_task_no_provider_can_run_is_rejected_and_leaves_no_trace()
    {
        var docker = FaasClusterFixture.Script("docker-only", "echo") with { Runtime = FunctionRuntime.Docker, Image = "some/image" };
        var taskId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<ITaskGrain>(taskId);

        await Assert.ThrowsAsync<NoProviderAvailableException>(() =>
            grain.Submit(new TaskSubmission(new FunctionVersion(docker, 1, DateTimeOffset.UtcNow), [], 0)));

        Assert.Null(await grain.GetSnapshot());
    }
}
