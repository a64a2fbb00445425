using Microsoft.Extensions.Options;
using Orleans.Faas.Models;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.Policies;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>A silo's <see cref="Placer"/> with all six policies, as the silo builds it, over a simulated view and loaded models.</summary>
public static class SimulatedPlacer
{
    /// <param name="shortlist">Providers the trained model re-ranks after the linear pass; the option's validation is bypassed, so it may exceed its range.</param>
    public static Placer Create(ProviderView view, RuntimeModels models, int shortlist)
    {
        var options = Options.Create(new SchedulingOptions { Shortlist = shortlist });
        var estimator = new FinishEstimator(models, options);
        IPlacementPolicy[] policies =
        [
            new PredictivePolicy(estimator, options),
            new LeastLoadedPolicy(),
            new RoundRobinPolicy(),
            new RandomPolicy(),
            new FastestPolicy(),
            new LocalPolicy(new LocalSilo(SimulatedProviders.Reference)),
        ];
        return new Placer(view, new NoViewRefresh(), estimator, policies, options);
    }
}
