using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.Policies;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class LeastLoadedPolicyTests
{
    [Fact]
    public void Ranks_by_outstanding_tasks_per_slot_then_by_slots()
    {
        var ranked = new LeastLoadedPolicy().Rank(Placements.Request(),
        [
            Provider("busy", running: 4, queued: 2, slots: 4),
            Provider("half-small", running: 1, queued: 0, slots: 2),
            Provider("half-big", running: 2, queued: 0, slots: 4),
            Provider("idle-small", running: 0, queued: 0, slots: 2),
            Provider("idle-big", running: 0, queued: 0, slots: 3),
        ]);

        Assert.Equal(["idle-big", "idle-small", "half-big", "half-small", "busy"], ranked.Select(p => p.Id));
    }

    [Fact]
    public void Equal_providers_are_chosen_alike_whatever_their_names_or_order()
    {
        var policy = new LeastLoadedPolicy();
        List<ProviderSnapshot> idle = [Provider("a-first", 0, 0, 1), Provider("m-middle", 0, 0, 1), Provider("z-last", 0, 0, 1)];

        var firsts = Enumerable.Range(0, 300).Select(_ => policy.Rank(Placements.Request(), idle)[0].Id).CountBy(id => id).ToDictionary();

        // A third each is 100; outside 60..140 is five standard deviations away, where a name-order tie-break gives 300, 0 and 0.
        Assert.All(idle, p => Assert.InRange(firsts.GetValueOrDefault(p.Id), 60, 140));
    }

    private static ProviderSnapshot Provider(string id, int running, int queued, int slots) =>
        Placements.Provider(id, load: new ProviderLoad(running, queued, slots));
}
