using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.View;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Scheduling;

/// <summary>A fresh cluster of its own, whose silos refresh their provider views only every 50 s (the longest allowed).</summary>
public sealed class ReferenceDiscoveryTests : IAsyncLifetime
{
    private readonly SlowRefreshCluster _fixture = new();

    public Task InitializeAsync() => _fixture.Cluster.DeployAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task The_first_provider_to_register_is_every_silo_s_reference_as_soon_as_it_is_listed()
    {
        // However long the reference takes to take the proposal, the listing that tells the views comes after it.
        _fixture.Faults.On(nameof(IReferenceProviderGrain.Propose), Guid.Empty, async call =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await call.Invoke();
        });
        var first = _fixture.Cluster.Silos[0];
        var facts = new NodeFacts(first.Name, 2, 1L << 30, "test cpu", 1L << 20);
        await _fixture.Grains.GetGrain<IProviderGrain>(first.Name)
            .Register(new ProviderRegistration(facts, [FunctionRuntime.Process], FaasClusterFixture.SlotsPerSilo, first.SiloAddress.ToString()));

        // Without the reference, a view leaves every run out of the profiles (ProfileLearner) until its next refresh.
        foreach (var silo in _fixture.Cluster.Silos)
        {
            var view = silo.ServiceProvider.GetRequiredService<ProviderView>();
            await Poll.UntilAsync(() => view.Find(first.Name)?.IsReference == true, TimeSpan.FromSeconds(5), $"silo {silo.Name} to see {first.Name} as the reference");
        }
    }

    private sealed class SlowRefreshCluster() : FaasClusterFixture(silo => silo.Services.Configure<SchedulingOptions>(o => o.ViewRefresh = TimeSpan.FromSeconds(50)));
}
