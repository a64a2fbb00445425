using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.Policies;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class LeastLoadedPolicyTests
{

    [Fact]
    public void Ranks_by_outstanding_tasks_per_slot_then_by_slots_then_by_name()
    {
        var ranked = new LeastLoadedPolicy().Rank(Placements.Request(),
        [
            Provider("busy", running: 4, queued: 2, slots: 4),
            Provider("half-small", running: 1, queued: 0, slots: 2),
            Provider("half-big", running: 2, queued: 0, slots: 4),
            Provider("b-idle", running: 0, queued: 0, slots: 2),
            Provider("a-idle", running: 0, queued: 0, slots: 2),
        ]);

        Assert.Equal(["a-idle", "b-idle", "half-big", "half-small", "busy"], ranked.Select(p => p.Id));
    }

    private static ProviderSnapshot Provider(string id, int running, int queued, int slots) =>
        Placements.Provider(id, load: new ProviderLoad(running, queued, slots));
}
