using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>The moment between a task saying yes to its worker's start and the run beginning, where an answer or a cancel can slip.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class TaskStartRaceTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_start_whose_answer_was_lost_is_asked_again_and_runs_as_the_same_attempt()
    {
        var name = await fixture.Register("echo", d => d with { MaxAttempts = 1 });
        var id = Guid.NewGuid();
        var asked = 0;
        fixture.Faults.On(nameof(ITaskGrain.TryStart), id, async call =>
        {
            await call.Invoke();
            if (Interlocked.Increment(ref asked) == 1)
                throw new TimeoutException("The task stored RUNNING, and its answer to the worker was lost.");
        });

        await fixture.Grains.GetGrain<IFunctionGrain>(name).InvokeAs(id, Encoding.UTF8.GetBytes("once"), InvocationOptions.Default);

        await fixture.WaitForStatus([id], TaskState.Completed);
        var task = fixture.Grains.GetGrain<ITaskGrain>(id);
        Assert.Equal(1, (await task.GetSnapshot())!.Attempts);
        Assert.Equal("once", Encoding.UTF8.GetString((await task.GetResult())!.Output));
    }

    [Fact]
    public async Task A_cancel_after_the_task_started_but_before_its_run_began_keeps_the_run_from_beginning()
    {
        var name = await fixture.Register("block");
        var id = Guid.NewGuid();
        var answer = new TaskCompletionSource();
        fixture.Faults.On(nameof(ITaskGrain.TryStart), id, async call =>
        {
            await call.Invoke();
            await answer.Task;
        });
        await fixture.Grains.GetGrain<IFunctionGrain>(name).InvokeAs(id, Encoding.UTF8.GetBytes("never runs"), InvocationOptions.Default);
        await fixture.WaitForStatus([id], TaskState.Running);
        var task = fixture.Grains.GetGrain<ITaskGrain>(id);
        var worker = fixture.Grains.GetGrain<IWorkerGrain>((await task.GetSnapshot())!.Provider!);

        var cancelled = await task.Cancel();
        answer.SetResult();

        Assert.Equal((TaskState.Failed, FailureReasons.Cancelled), (cancelled!.Status, cancelled.FailureReason));
        // Had the run begun, it would hold the attempt (and the node's one slot) until the gate opens.
        await Poll.UntilAsync(async () => !await worker.Holds(new TaskAttempt(id, 1)), ClusterTasks.Patience, "the cancelled attempt to hold no slot");
    }
}
