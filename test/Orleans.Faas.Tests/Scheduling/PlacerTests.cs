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
        var placer = new Placer(view, new NoRefresh(), Placements.Estimator(), [new FastestPolicy()],
            Microsoft.Extensions.Options.Options.Create(new SchedulingOptions { Policy = PlacementPolicyKind.Fastest }));

        var whileFull = await placer.Plan(Placements.Request(), pinned: null);
        placer.Answered("reference", new ProviderLoad(1, 1, 1, MaxQueued: 2));
        var withRoom = await placer.Plan(Placements.Request(), pinned: null);

        Assert.Equal(["other", "reference"], whileFull.Ranked.Select(p => p.Id));
        Assert.Equal(["reference", "other"], withRoom.Ranked.Select(p => p.Id));
    }

    private sealed class NoRefresh : IProviderViewRefresh
    {
        public Task Refresh() => Task.CompletedTask;
    }
}
