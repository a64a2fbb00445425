using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Providers;

/// <summary>A provider's bookkeeping of the attempts placed on it, across deaths and restarts of its silo.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class ProviderGrainTests(FaasClusterFixture fixture)
{
    private static readonly NodeFacts Facts = new("edge", 4, 1L << 32, "test cpu", null);

    [Fact]
    public async Task Attempts_left_by_a_previous_silo_are_handed_back_when_the_node_registers_again()
    {
        var provider = NewProvider();
        var left = new TaskAttempt(Guid.NewGuid(), 1);
        Assert.Empty(await provider.Register(Registration("silo-1")));
        await provider.Track(left);

        TaskAttempt[] handedBack = [.. await provider.Register(Registration("silo-2"))];

        Assert.Equal([left], handedBack);
        Assert.Equal(ProviderStatus.Ready, (await provider.GetSnapshot())!.Status);
    }

    [Fact]
    public async Task Only_the_death_of_the_current_silo_takes_a_provider_down_and_it_can_be_repeated()
    {
        var provider = NewProvider();
        var running = new TaskAttempt(Guid.NewGuid(), 1);
        await provider.Register(Registration("silo-old"));
        await provider.Register(Registration("silo-new"));
        await provider.Track(running);

        Assert.Empty(await provider.MarkDown("silo-old"));
        Assert.Equal(ProviderStatus.Ready, (await provider.GetSnapshot())!.Status);

        Assert.Equal([running], [.. await provider.MarkDown("silo-new")]);
        Assert.Equal([running], [.. await provider.MarkDown("silo-new")]);
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
