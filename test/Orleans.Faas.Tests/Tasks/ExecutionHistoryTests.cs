using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Functions;
using Orleans.Faas.History;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;
using Orleans.TestingHost;

namespace Orleans.Faas.Tests.Tasks;

[Collection(FaasClusterCollection.Name)]
public sealed class ExecutionHistoryTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task Every_finished_attempt_appends_one_record_with_its_function_provider_and_outcome()
    {
        var completed = await fixture.Invoke("echo", "12345");
        var failed = await fixture.Invoke("fail", "");
        var done = await fixture.Grains.GetGrain<ITaskGrain>(completed).WaitUntilFinished(ClusterTasks.Patience);
        var broke = await fixture.Grains.GetGrain<ITaskGrain>(failed).WaitUntilFinished(ClusterTasks.Patience);

        var records = await AllRecords();

        var ok = Assert.Single(records, r => r.TaskId == completed);
        Assert.Equal((done!.Function, 1, done.Provider, 5, TaskState.Completed, 0), (ok.Function, ok.FunctionVersion, ok.Provider, ok.InputBytes, ok.Status, ok.ExitCode));
        Assert.True(ok.QueuedAt <= ok.StartedAt && ok.StartedAt <= ok.FinishedAt);
        Assert.Null(ok.CpuMs);
        var bad = Assert.Single(records, r => r.TaskId == failed);
        Assert.Equal((broke!.Provider, TaskState.Failed, FailureReasons.NonZeroExit, 3), (bad.Provider, bad.Status, bad.FailureReason, bad.ExitCode));
    }

    [Fact]
    public async Task The_history_is_queryable_by_function_and_provider()
    {
        var id = await fixture.Invoke("whoami", "");
        var task = await fixture.Grains.GetGrain<ITaskGrain>(id).WaitUntilFinished(ClusterTasks.Patience);

        var byFunction = await AllRecords(new ExecutionQuery(task!.Function, null, 10));
        var byProvider = await AllRecords(new ExecutionQuery(null, task.Provider, 1000));
        var byNeither = await AllRecords(new ExecutionQuery(task.Function, "someone-else", 10));

        Assert.Equal(id, Assert.Single(byFunction).TaskId);
        Assert.Contains(byProvider, r => r.TaskId == id);
        Assert.All(byProvider, r => Assert.Equal(task.Provider, r.Provider));
        Assert.Empty(byNeither);
    }

    [Fact]
    public async Task A_row_the_history_lost_is_appended_again_by_the_tasks_watchdog()
    {
        var name = $"{ForgetfulHistory.Prefix}{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, "echo", timeoutSeconds: 1));
        var id = await fixture.Grains.GetGrain<IFunctionGrain>(name).Invoke("lost"u8.ToArray(), InvocationOptions.Default);
        Assert.Equal(TaskState.Completed, (await fixture.Grains.GetGrain<ITaskGrain>(id).WaitUntilFinished(ClusterTasks.Patience))!.Status);

        // The watchdog's period is the 1 s timeout plus the fixture's 1 s grace.
        var rows = await Poll.UntilAsync(() => AllRecords(new ExecutionQuery(name, null, 10)), rows => rows.Count > 0, ClusterTasks.Patience, "the row to be appended again");

        Assert.Equal((id, 1, TaskState.Completed), (Assert.Single(rows).TaskId, rows[0].Attempt, rows[0].Status));
    }

    // In-memory history is kept by the silo where the task finished, so read every silo's.
    private async Task<List<ExecutionRecord>> AllRecords(ExecutionQuery? query = null)
    {
        var all = new List<ExecutionRecord>();
        foreach (var silo in fixture.Cluster.Silos.OfType<InProcessSiloHandle>())
            all.AddRange(await silo.ServiceProvider.GetRequiredService<IExecutionHistory>().QueryAsync(query ?? new ExecutionQuery(null, null, 1000), CancellationToken.None));
        return all;
    }
}
