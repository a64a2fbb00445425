using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.Policies;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Tests.Scheduling;

/// <summary>
/// The predictive policy over the view's own selection and kept figures (what a decision reads) against every provider's
/// finish worked out afresh from its snapshot, on random views that change between decisions. Ties are broken at random,
/// so what is compared is which finishes were picked, and that no provider better than the last picked was left out.
/// </summary>
public sealed class FastRankingTests
{
    private const string Function = "f";
    // The version runs keep warm containers of: Docker, kept warm.
    private static readonly string Warm = WarmKey.Of(Placements.Function(Function));
    private static readonly SchedulingOptions Options = new();
    private static readonly double[] CpuMs = [100, 200, 400, 800];
    private static readonly int[] Slots = [1, 2, 4];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Picks_the_providers_with_the_earliest_finishes_a_full_evaluation_finds(int seed)
    {
        var random = new Random(seed);
        var view = new ProviderView();
        var providers = Enumerable.Range(0, random.Next(1, 400)).Select(i => RandomProvider(random, $"p{i:D3}")).ToList();
        for (var i = 0; i < providers.Count; i++)
            view.Apply(providers[i], 1);
        view.SetReference(providers[0].Id);
        var policy = new PredictivePolicy(Placements.Estimator(Options), Microsoft.Extensions.Options.Options.Create(Options));

        for (var decision = 0; decision < 20; decision++)
        {
            var request = RandomRequest(random);
            var runtime = request.Definition.Runtime;
            var taking = view.TakingWork(runtime);
            var expected = view.Providers.Where(p => p.TakesWork(runtime)).ToList();
            Assert.Equal(expected.Select(p => p.Id).Order(), taking.Select(p => p.Id).Order());
            if (expected.Count == 0)
                continue;

            var ranked = policy.Rank(request, taking);

            Assert.Equal(expected.Count, ranked.Count);
            Assert.Equal(expected.Select(p => p.Id).Order(), ranked.Select(p => p.Id).Order());
            var picked = Math.Min(Options.Shortlist, expected.Count);
            var best = expected.Select(p => Finish(request, p)).Order().ToList();
            Assert.Equal(best.Take(picked), ranked.Take(picked).Select(p => Finish(request, p)).Order());
            var lastPicked = best[picked - 1];
            Assert.All(expected.Where(p => Finish(request, p) < lastPicked), p => Assert.Contains(p, ranked.Take(picked)));
            var rest = ranked.Skip(picked).Select(p => Finish(request, p)).ToList();
            Assert.Equal(rest.Order(), rest);

            Change(view, random, providers, ranked[0].Id);
        }
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Fact]
    public void A_provider_that_ties_with_the_one_picked_is_as_likely_to_be_picked_whatever_block_it_is_in()
    {
        // Equal providers: every block's floor is the finish of each, so no block may be passed over for a tie.
        var view = new ProviderView();
        for (var i = 0; i < 3 * ProviderSelection.BlockSize; i++)
            view.Apply(Placements.Provider($"p{i:D2}", 1, Placements.Warm()), 1);
        var options = new SchedulingOptions { Shortlist = 1 };
        var policy = new PredictivePolicy(Placements.Estimator(options), Microsoft.Extensions.Options.Options.Create(options));
        var request = Placements.Request(referenceWallMs: 100);

        var picked = Enumerable.Range(0, 300).Select(_ => policy.Rank(request, view.TakingWork(FunctionRuntime.Docker))[0].Id).ToHashSet();

        // Each of 96 drawn 300 times: about 91 distinct; one block's 32 at most if ties ended the pass.
        Assert.True(picked.Count > 2 * ProviderSelection.BlockSize, $"{picked.Count} distinct providers picked");
    }

    /// <summary>The finish the predictive policy ranks by (the linear model's), worked out from the snapshot alone.</summary>
    private static double Finish(PlacementRequest request, ProviderSnapshot provider)
    {
        var load = provider.Load;
        var stats = request.Profile?.Stats;
        var linear = stats is null
            ? double.NaN
            : LinearEfficiencyModel.PredictMs(stats.WallMs, stats.CpuMs ?? double.NaN, provider.Scores?.CpuEfficiency ?? double.NaN, provider.Scores?.MemoryEfficiency ?? double.NaN);
        var runtime = double.IsFinite(linear) && linear > 0 ? linear : Options.UnprofiledRuntime.TotalMilliseconds / (provider.Scores?.CpuEfficiency ?? 1);
        var wait = load.Running + load.Queued >= load.Slots ? load.PendingMs / Math.Max(1, load.Slots) : 0;
        var cold = request.Definition.Runtime == FunctionRuntime.Docker && (!request.Definition.KeepWarm || load.IdleWarmOf(request.WarmKey) == 0);
        return wait + runtime + (cold ? load.ColdStartMs ?? Options.ColdStartEstimate.TotalMilliseconds : 0);
    }

    /// <summary>What happens to a view between two decisions: the placement, a worker's answer, a provider's new report.</summary>
    private static void Change(ProviderView view, Random random, List<ProviderSnapshot> providers, string placedOn)
    {
        view.Reserve(placedOn, random.Next(1, 4) * 100);
        var answered = providers[random.Next(providers.Count)];
        view.Observe(answered.Id, RandomLoad(random, answered.Load.Slots));
        var reported = random.Next(providers.Count);
        providers[reported] = RandomProvider(random, providers[reported].Id);
        view.Apply(providers[reported], random.Next(2, 1000));
    }

    // Few distinct values of everything, so that many providers tie.
    private static ProviderSnapshot RandomProvider(Random random, string id)
    {
        ImmutableArray<FunctionRuntime> runtimes = random.Next(5) == 0 ? [FunctionRuntime.Process] : [FunctionRuntime.Docker, FunctionRuntime.Process];
        var status = random.Next(10) switch
        {
            0 => ProviderStatus.Draining,
            1 => ProviderStatus.Down,
            _ => ProviderStatus.Ready,
        };
        return new ProviderSnapshot(
            id,
            new NodeFacts(id, 4, 8L << 30, "cpu", 8L << 20),
            runtimes,
            status,
            RandomLoad(random, Slots[random.Next(Slots.Length)]),
            "silo",
            DateTimeOffset.UnixEpoch,
            random.Next(8) == 0 ? null : new ProviderBenchmark(Workload(CpuMs[random.Next(CpuMs.Length)]), Workload(CpuMs[random.Next(CpuMs.Length)]), DateTimeOffset.UnixEpoch, Guid.Empty));
    }

    private static ProviderLoad RandomLoad(Random random, int slots)
    {
        var running = random.Next(slots + 1);
        var queued = running == slots ? random.Next(3) : 0;
        return new ProviderLoad(
            running,
            queued,
            slots,
            // Now and then a worker's figure no floor holds for, which no block may pass over.
            PendingMs: (running + queued) * 100 * random.Next(random.Next(20) == 0 ? -1 : 1, 4),
            IdleWarm: random.Next(3) == 0 ? ImmutableDictionary<string, int>.Empty.Add(Warm, 1) : null,
            ColdStartMs: random.Next(2) == 0 ? null : 500);
    }

    private static PlacementRequest RandomRequest(Random random)
    {
        var runtime = random.Next(4) == 0 ? FunctionRuntime.Process : FunctionRuntime.Docker;
        var definition = Placements.Function(Function, runtime: runtime) with { KeepWarm = random.Next(4) != 0 };
        var wallMs = random.Next(5) == 0 ? (double?)null : 100 * random.Next(1, 4);
        return Placements.Request(definition, wallMs, wallMs / random.Next(1, 3));
    }

    private static RunStatistics Workload(double wallMs) => new(wallMs, wallMs, wallMs, 0, 5, wallMs, null, null, null, null, null);
}
