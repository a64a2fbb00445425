using System.Text;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Chains;

/// <summary>A chain run keeps to the fan-out limits, and rides out its database being away without showing what it did not store.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class ChainRunHardeningTests(FaasClusterFixture fixture) : IDisposable
{
    private const string ChainRunGrainType = "chainrun";

    [Fact]
    public async Task A_fan_out_over_more_lines_than_the_most_fails_its_step_without_a_batch()
    {
        var echo = await Register("echo");
        var chain = await Define(new ChainStep(echo), new ChainStep(echo, FanOut.Lines));
        var input = string.Concat(Enumerable.Range(0, FaasClusterFixture.MaxFanOutItems + 1).Select(i => $"{i}\n"));

        var run = await Finish(await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun(Encoding.UTF8.GetBytes(input), null));

        Assert.Equal((ChainRunStatus.Failed, 1), (run.Status, run.FailedStep));
        Assert.Equal((ChainStepStatus.Failed, "too many lines", (Guid?)null), (run.Steps[1].Status, run.Steps[1].FailureReason, run.Steps[1].BatchId));
        Assert.Contains("MaxFanOutItems", run.Error);
    }

    [Fact]
    public async Task A_fan_out_whose_outputs_join_to_more_than_the_most_fails_the_run_at_that_step()
    {
        var echo = await Register("echo");
        var chain = await Define(new ChainStep(echo), new ChainStep(echo, FanOut.Lines), new ChainStep(echo));
        var line = new string('x', FaasClusterFixture.MaxJoinedOutputBytes / 10);
        var input = string.Concat(Enumerable.Repeat(line + "\n", 11));

        var run = await Finish(await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun(Encoding.UTF8.GetBytes(input), null));

        Assert.Equal((ChainRunStatus.Failed, 1), (run.Status, run.FailedStep));
        Assert.Contains("MaxJoinedOutputBytes", run.Error);
        Assert.Null(run.Steps[2].TaskId);
        Assert.Null(run.Output);
    }

    [Fact]
    public async Task A_run_whose_database_is_away_mid_step_shows_only_what_was_stored_and_completes_once_it_is_back()
    {
        var (block, echo) = (await Register("block"), await Register("echo"));
        var chain = await Define(new ChainStep(block), new ChainStep(echo));
        var started = await fixture.Grains.GetGrain<IChainGrain>(chain).StartRun("through"u8.ToArray(), null);
        var run = fixture.Grains.GetGrain<IChainRunGrain>(started.Id);
        var first = await UntilStepRuns(run, 0);

        fixture.Storage.AwayFor = ChainRunGrainType;
        fixture.Gate.Release();
        await fixture.WaitForStatus([first], TaskState.Completed);
        // The step's end cannot be stored: for three seconds of retries, readers still see the run as stored.
        await Poll.ThroughoutAsync(async () =>
        {
            var seen = (await run.GetSnapshot())!;
            Assert.Equal((ChainRunStatus.Running, ChainStepStatus.Running), (seen.Status, seen.Steps[0].Status));
        }, TimeSpan.FromSeconds(3));

        fixture.Storage.AwayFor = null;
        var finished = await Finish(started);

        Assert.Equal(ChainRunStatus.Completed, finished.Status);
        Assert.Equal("through", Encoding.UTF8.GetString(finished.Output!));
        Assert.Equal(1, (await fixture.Grains.GetGrain<ITaskGrain>(first).GetSnapshot())!.Attempts);
    }

    /// <summary>The step's task once it runs; should it not, its blocked run is let go, so that it holds no slot after the test.</summary>
    private async Task<Guid> UntilStepRuns(IChainRunGrain run, int step)
    {
        try
        {
            return (await Poll.UntilAsync(
                async () => (await run.GetSnapshot())!.Steps[step].TaskId is { } taskId
                    && await fixture.Grains.GetGrain<ITaskGrain>(taskId).GetSnapshot() is { Status: TaskState.Running } ? taskId : (Guid?)null,
                taskId => taskId is not null, ClusterTasks.Patience, $"step {step} to run"))!.Value;
        }
        catch (TimeoutException)
        {
            fixture.Gate.Release();
            throw;
        }
    }

    private async Task<string> Register(string script)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, script));
        return name;
    }

    private async Task<string> Define(params ChainStep[] steps)
    {
        var name = $"chain-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IChainGrain>(name).Define(new ChainDefinition(name, [.. steps]));
        return name;
    }

    private async Task<ChainRunSnapshot> Finish(ChainRunSnapshot started)
    {
        var run = await fixture.Grains.GetGrain<IChainRunGrain>(started.Id).WaitUntilFinished(ClusterTasks.Patience);
        Assert.True(run!.IsFinished, $"Run {started.Id} did not finish: {run} {string.Join("; ", run.Steps)}");
        return run;
    }

    public void Dispose() => fixture.Storage.AwayFor = null;
}
