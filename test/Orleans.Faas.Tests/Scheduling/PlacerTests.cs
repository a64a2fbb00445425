using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.Policies;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class PlacerTests
{
    [Fact]
    public async Task A_provider_whose_last_reported_load_fills_its_queue_is_offered_the_task_last_whatever_the_policy_prefers()
    {
        var view = new ProviderView();
        view.Apply(Placements.Provider("reference", load: new ProviderLoad(1, 2, 1, MaxQueued: 2)), 1);
        view.Apply(Placements.Provider("other", load: new ProviderLoad(1, 1, 1, MaxQueued: 2)), 1);
        view.SetReference("reference");
        var placer = new Placer(view, Placements.NoRefresh, Placements.Estimator(), [new FastestPolicy()],
            Microsoft.Extensions.Options.Options.Create(new SchedulingOptions { Policy = PlacementPolicyKind.Fastest }));

        var whileFull = await placer.Plan(Placements.Request(), pinned: null);
        placer.Answered("reference", new ProviderLoad(1, 1, 1, MaxQueued: 2));
        var withRoom = await placer.Plan(Placements.Request(), pinned: null);

        Assert.Equal(["other", "reference"], whileFull.Ranked.Select(p => p.Id));
        Assert.Equal(["reference", "other"], withRoom.Ranked.Select(p => p.Id));
    }

    [Fact]
    public async Task Providers_past_the_ones_a_policy_picks_first_are_still_offered_in_its_order_with_the_full_one_last()
    {
        var view = new ProviderView();
        for (var i = 0; i < 12; i++)
            view.Apply(Placements.Provider($"p{i:D2}", load: new ProviderLoad(1, i == 0 ? 2 : 0, 1, MaxQueued: 2)), 1);
        var placer = new Placer(view, Placements.NoRefresh, Placements.Estimator(), [new ByIdPolicy()],
            Microsoft.Extensions.Options.Options.Create(new SchedulingOptions { Policy = PlacementPolicyKind.Fastest }));

        var plan = await placer.Plan(Placements.Request(), pinned: null);

        Assert.Equal([.. Enumerable.Range(1, 11).Select(i => $"p{i:D2}"), "p00"], plan.Ranked.Select(p => p.Id));
    }

    /// <summary>Ranks by id, so that the test knows the order, picking only the best three at first.</summary>
    private sealed class ByIdPolicy : IPlacementPolicy
    {
        public PlacementPolicyKind Kind => PlacementPolicyKind.Fastest;

        public IReadOnlyList<ProviderSnapshot> Rank(PlacementRequest request, IReadOnlyList<ProviderSnapshot> candidates) =>
            new TopRanking<string>(candidates, p => p.Id, top: 3);
    }
}
