using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Workers;

/// <summary>A container a runner starts on its own (a prewarm) reaches the provider's load at once, not with the node's next run.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class WarmStateReportTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_prewarmed_container_is_in_the_providers_load_without_another_run()
    {
        var provider = fixture.ProviderIds[0];
        var ran = await fixture.Invoke("echo", "first", options: new InvocationOptions(Provider: provider));
        Assert.Equal(TaskState.Completed, (await fixture.Grains.GetGrain<ITaskGrain>(ran).WaitUntilFinished(ClusterTasks.Patience))!.Status);
        var prewarmed = await fixture.Register("echo");
        var runner = fixture.Cluster.Silos.Single(s => s.Name == provider).ServiceProvider.GetServices<IFunctionRunner>().OfType<ScriptedRunner>().Single();

        runner.Prewarmed(prewarmed);

        var providerGrain = fixture.Grains.GetGrain<IProviderGrain>(provider);
        await Poll.UntilAsync(async () => (await providerGrain.GetSnapshot())!.Load.IdleWarmOf(prewarmed) == 1, ClusterTasks.Patience, "the prewarmed container in the provider's load");
    }
}
