using Orleans.Faas.Providers;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Providers;

/// <summary>A provider's status across deaths and restarts of its silo.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class ProviderGrainTests(FaasClusterFixture fixture)
{
    private static readonly NodeFacts Facts = new("edge", 4, 1L << 32, "test cpu", null);

    [Fact]
    public async Task A_node_registering_from_another_silo_is_told_that_it_replaced_an_earlier_one()
    {
        var provider = NewProvider();
        Assert.False(await provider.Register(Registration("silo-1")));
        Assert.False(await provider.Register(Registration("silo-1")));

        Assert.True(await provider.Register(Registration("silo-2")));
        Assert.Equal(ProviderStatus.Ready, (await provider.GetSnapshot())!.Status);
    }

    [Fact]
    public async Task Only_the_death_of_the_current_silo_takes_a_provider_down_and_it_can_be_repeated()
    {
        var provider = NewProvider();
        await provider.Register(Registration("silo-old"));
        await provider.Register(Registration("silo-new"));

        await provider.MarkDown("silo-old");
        Assert.Equal(ProviderStatus.Ready, (await provider.GetSnapshot())!.Status);

        await provider.MarkDown("silo-new");
        await provider.MarkDown("silo-new");
        Assert.Equal(ProviderStatus.Down, (await provider.GetSnapshot())!.Status);
    }

    [Fact]
    public async Task A_drain_outlives_the_death_and_return_of_the_node()
    {
        var provider = NewProvider();
        await provider.Register(Registration("silo-1"));
        await provider.Drain();
        await provider.MarkDown("silo-1");

        await provider.Register(Registration("silo-2"));

        Assert.Equal(ProviderStatus.Draining, (await provider.GetSnapshot())!.Status);
        Assert.Equal(ProviderStatus.Ready, (await provider.Undrain())!.Status);
    }

    private IProviderGrain NewProvider() => fixture.Grains.GetGrain<IProviderGrain>($"edge-{Guid.NewGuid():N}");

    // Registered without runtimes, so these test providers never take the fixture's tasks.
    private static ProviderRegistration Registration(string silo) => new(Facts, [], 1, silo);
}
