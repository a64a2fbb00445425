using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Providers;

[Collection(FaasClusterCollection.Name)]
public sealed class DrainTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_drained_provider_finishes_its_running_task_and_starts_none_after_the_drain_until_undrained()
    {
        var drained = fixture.ProviderIds[0];
        var provider = fixture.Grains.GetGrain<IProviderGrain>(drained);
        // Pinned, so the task that must still finish is the drained node's own.
        var running = await fixture.Invoke("block", "running", options: new InvocationOptions(Provider: drained));
        await fixture.WaitForStatus([running], TaskState.Running);
        try
        {
            Assert.Equal(ProviderStatus.Draining, (await provider.Drain())!.Status);

            // A burst placed at once, by both silos' views: the drained node is in neither's choice.
            var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Invoke("whoami", "")));
            var placedDuringDrain = await Task.WhenAll(burst.Select(id => fixture.Grains.GetGrain<ITaskGrain>(id).WaitUntilFinished(ClusterTasks.Patience)));
            Assert.All(placedDuringDrain, task =>
            {
                Assert.Equal(TaskState.Completed, task!.Status);
                Assert.NotEqual(drained, task.Provider);
            });

            fixture.Gate.Release();
            var finished = await fixture.Grains.GetGrain<ITaskGrain>(running).WaitUntilFinished(ClusterTasks.Patience);
            Assert.Equal(TaskState.Completed, finished!.Status);
            Assert.Equal(drained, finished.Provider);
            Assert.Equal(1, finished.Attempts);
        }
        finally
        {
            Assert.Equal(ProviderStatus.Ready, (await provider.Undrain())!.Status);
        }

        var placed = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = await fixture.Invoke("whoami", "");
            await fixture.Grains.GetGrain<ITaskGrain>(id).WaitUntilFinished(ClusterTasks.Patience);
            placed.Add(Encoding.UTF8.GetString((await fixture.Grains.GetGrain<ITaskGrain>(id).GetResult())!.Output));
        }
        Assert.Contains(drained, placed);
    }

    [Fact]
    public async Task Draining_an_unknown_provider_answers_null_and_registers_nothing()
    {
        var unknown = fixture.Grains.GetGrain<IProviderGrain>("never-registered");

        Assert.Null(await unknown.Drain());
        Assert.Null(await unknown.GetSnapshot());
    }
}
