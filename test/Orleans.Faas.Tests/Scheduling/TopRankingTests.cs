using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.Policies;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class TopRankingTests
{
    [Fact]
    public void Reads_past_the_picked_providers_in_the_order_sorting_every_provider_gives()
    {
        // Utilisations 0/50 .. 49/50, shuffled by a stride coprime to 50.
        List<ProviderSnapshot> providers = [.. Enumerable.Range(0, 50).Select(i => Placements.Provider($"p{i}", load: new ProviderLoad(i * 7 % 50, 0, 50)))];

        var ranking = new TopRanking<double>(providers, p => p.Load.Utilisation, top: 3);

        Assert.Equal(50, ranking.Count);
        Assert.Equal(providers.OrderBy(p => p.Load.Utilisation).Select(p => p.Id), ranking.Select(p => p.Id));
    }

    [Fact]
    public void Reordering_the_picked_providers_leaves_the_rest_in_the_first_order()
    {
        List<ProviderSnapshot> providers = [.. Enumerable.Range(0, 6).Select(i => Placements.Provider($"p{i}", load: new ProviderLoad(i, 0, 10)))];

        var ranking = new TopRanking<double>(providers, p => p.Load.Utilisation, top: 3);
        ranking.ReorderTop(p => -p.Load.Utilisation);

        Assert.Equal(["p2", "p1", "p0", "p3", "p4", "p5"], ranking.Select(p => p.Id));
    }
}
