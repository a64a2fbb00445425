using Microsoft.Extensions.Options;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.Policies;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class PolicyTests
{
    [Fact]
    public void Predictive_takes_the_fast_provider_while_it_is_free_and_spills_over_once_its_queue_outweighs_the_speed()
    {
        var policy = new PredictivePolicy(Placements.Estimator(), Options.Create(Placements.Options));
        var request = Placements.Request(referenceWallMs: 1000);
        ProviderSnapshot Fast(int queued) => Placements.Provider("fast", 1.0, Placements.Warm(running: 1, queued: queued, pendingMs: 1000.0 * (queued + 1)));
        var slow = Placements.Provider("slow", 0.25, Placements.Warm());

        Assert.Equal("fast", policy.Rank(request, [slow, Placements.Provider("fast", 1.0, Placements.Warm())])[0].Id);
        Assert.Equal("fast", policy.Rank(request, [slow, Fast(queued: 1)])[0].Id); // 2 s of work ahead + 1 s < 4 s on the slow one
        Assert.Equal("slow", policy.Rank(request, [slow, Fast(queued: 4)])[0].Id); // 5 s + 1 s > 4 s
    }

    [Fact]
    public void Predictive_weighs_a_cold_start_against_a_warm_container_elsewhere()
    {
        var policy = new PredictivePolicy(Placements.Estimator(), Options.Create(Placements.Options));
        var request = Placements.Request(referenceWallMs: 100);

        var ranked = policy.Rank(request, [Placements.Provider("fast-cold", 2.0), Placements.Provider("warm", 1.0, Placements.Warm())]);

        Assert.Equal(["warm", "fast-cold"], ranked.Select(p => p.Id));
    }

    [Fact]
    public void Predictive_asks_the_model_only_about_the_shortlist_and_keeps_the_linear_order_for_the_rest()
    {
        var options = new SchedulingOptions { Shortlist = 2 };
        var policy = new PredictivePolicy(Placements.Estimator(options), Options.Create(options));
        var providers = Enumerable.Range(1, 5).Select(i => Placements.Provider($"p{i}", i, Placements.Warm())).ToList();

        var ranked = policy.Rank(Placements.Request(referenceWallMs: 100), providers);

        Assert.Equal(["p5", "p4", "p3", "p2", "p1"], ranked.Select(p => p.Id));
    }

    [Fact]
    public void Fastest_always_takes_the_best_efficiency_however_busy_with_unmeasured_providers_last()
    {
        var ranked = new FastestPolicy().Rank(Placements.Request(),
        [
            Placements.Provider("unmeasured"),
            Placements.Provider("slow", 0.5),
            Placements.Provider("fast-busy", 2, new ProviderLoad(4, 10, 1)),
        ]);

        Assert.Equal(["fast-busy", "slow", "unmeasured"], ranked.Select(p => p.Id));
    }

    [Fact]
    public void Round_robin_starts_with_the_next_provider_each_time()
    {
        var policy = new RoundRobinPolicy();
        List<ProviderSnapshot> providers = [Placements.Provider("c"), Placements.Provider("a"), Placements.Provider("b")];

        var firsts = Enumerable.Range(0, 4).Select(_ => policy.Rank(Placements.Request(), providers)[0].Id);

        Assert.Equal(["a", "b", "c", "a"], firsts);
    }

    [Fact]
    public void Random_ranks_every_candidate_once()
    {
        List<ProviderSnapshot> providers = [.. Enumerable.Range(0, 10).Select(i => Placements.Provider($"p{i}"))];

        var ranked = new RandomPolicy().Rank(Placements.Request(), providers);

        Assert.Equal(providers.Select(p => p.Id).Order(), ranked.Select(p => p.Id).Order());
    }
}
