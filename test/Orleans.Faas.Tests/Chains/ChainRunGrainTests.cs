using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Chains;

/// <summary>Chain runs on the in-process cluster with the scripted runner.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class ChainRunGrainTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task Each_step_is_a_task_of_its_own_fed_the_previous_output_and_the_run_keeps_the_last_output()
    {
        var (echo, whoami) = (await Register("echo"), await Register("whoami"));
        var chain = await Define(echo, whoami, echo);

        var run = await Finish(await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun("first"u8.ToArray(), null));

        Assert.Equal(ChainRunStatus.Completed, run.Status);
        // whoami's output (its provider's name) went through the last echo unchanged.
        var middle = await Task(run.Steps[1].TaskId!.Value);
        Assert.Equal(middle.Provider, Encoding.UTF8.GetString(run.Output!));
        Assert.Equal(3, run.Steps.Select(s => s.TaskId).Distinct().Count());
        Assert.All(run.Steps, s => Assert.Equal((ChainStepStatus.Completed, 1), (s.Status, s.FunctionVersion)));
        Assert.Equal("first"u8.ToArray(), (await fixture.Grains.GetGrain<ITaskGrain>(run.Steps[0].TaskId!.Value).GetResult())!.Output);
        Assert.NotNull(run.Host);
    }

    [Fact]
    public async Task A_failing_step_stops_the_run_naming_the_step_and_its_task_and_later_steps_never_start()
    {
        var chain = await Define(await Register("echo"), await Register("fail"), await Register("echo"));

        var run = await Finish(await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun("x"u8.ToArray(), null));

        Assert.Equal(ChainRunStatus.Failed, run.Status);
        Assert.Equal(1, run.FailedStep);
        Assert.Equal(ChainStepStatus.Failed, run.Steps[1].Status);
        Assert.Contains(run.Steps[1].TaskId!.Value.ToString(), run.Error);
        Assert.Equal(ChainStepStatus.Pending, run.Steps[2].Status);
        Assert.Null(run.Steps[2].TaskId);
        Assert.Null(run.Output);
    }

    [Fact]
    public async Task A_step_no_provider_can_take_fails_the_run_without_a_task()
    {
        var picky = await Register("echo", d => d with { Placement = new PlacementSpec(null, ImmutableDictionary<string, string>.Empty.Add("gpu", "true")) });
        var chain = await Define(picky);

        var run = await Finish(await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun([], null));

        Assert.Equal(ChainRunStatus.Failed, run.Status);
        Assert.Null(run.Steps[0].TaskId);
        Assert.Equal("refused", run.Steps[0].FailureReason);
        Assert.Contains("gpu", run.Error);
    }

    [Fact]
    public async Task Invoking_again_under_a_task_id_that_exists_changes_nothing()
    {
        var echo = await Register("echo");
        var taskId = Guid.NewGuid();
        var function = fixture.Grains.GetGrain<IFunctionGrain>(echo);

        await function.InvokeAs(taskId, "once"u8.ToArray(), InvocationOptions.Default);
        var first = await fixture.Grains.GetGrain<ITaskGrain>(taskId).WaitUntilFinished(ClusterTasks.Patience);
        await function.InvokeAs(taskId, "twice"u8.ToArray(), InvocationOptions.Default);
        var result = await fixture.Grains.GetGrain<ITaskGrain>(taskId).GetResult();

        Assert.Equal(TaskState.Completed, first!.Status);
        Assert.Equal(first, result!.Task);
        Assert.Equal("once"u8.ToArray(), result.Output);
    }

    [Fact]
    public async Task A_run_of_a_chain_whose_function_is_missing_is_refused_before_anything_runs()
    {
        var missing = $"missing-{Guid.NewGuid():N}"[..20];
        var chain = await Define(missing);

        var error = await Assert.ThrowsAsync<FunctionNotFoundException>(() => fixture.Grains.GetGrain<IChainGrain>(chain).StartRun([], null));

        Assert.Equal(missing, error.Name);
    }

    private async Task<string> Register(string script, Func<FunctionDefinition, FunctionDefinition>? adjust = null)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        var definition = FaasClusterFixture.Script(name, script);
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(adjust?.Invoke(definition) ?? definition);
        return name;
    }

    private async Task<string> Define(params string[] functions)
    {
        var name = $"chain-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IChainGrain>(name).Define(new ChainDefinition(name, [.. functions.Select(f => new ChainStep(f))]));
        return name;
    }

    private async Task<ChainRunSnapshot> Finish(ChainRunSnapshot started)
    {
        var run = await fixture.Grains.GetGrain<IChainRunGrain>(started.Id).WaitUntilFinished(ClusterTasks.Patience);
        Assert.True(run!.IsFinished, $"Run {started.Id} did not finish: {run}");
        return run;
    }

    private async Task<TaskSnapshot> Task(Guid id) => (await fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot())!;
}
