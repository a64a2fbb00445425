using System.Text;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Providers;

[Collection(FaasClusterCollection.Name)]
public sealed class DrainTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_drained_provider_finishes_its_running_task_but_gets_no_new_ones_until_undrained()
    {
        var drained = fixture.ProviderIds[0];
        var provider = fixture.Grains.GetGrain<IProviderGrain>(drained);
        var running = await fixture.Invoke("block", "running");
        var runningOn = (await fixture.Grains.GetGrain<ITaskGrain>(running).GetSnapshot())!.Provider;
        try
        {
            Assert.Equal(ProviderStatus.Draining, (await provider.Drain())!.Status);

            for (var i = 0; i < 4; i++)
            {
                var id = await fixture.Invoke("whoami", "");
                var task = await fixture.Grains.GetGrain<ITaskGrain>(id).WaitUntilFinished(ClusterTasks.Patience);
                Assert.NotEqual(drained, task!.Provider);
            }

            fixture.Gate.Release();
            var finished = await fixture.Grains.GetGrain<ITaskGrain>(running).WaitUntilFinished(ClusterTasks.Patience);
            Assert.Equal(TaskState.Completed, finished!.Status);
            Assert.Equal(runningOn, finished.Provider);
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
