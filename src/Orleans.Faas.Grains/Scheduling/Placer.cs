using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.Policies;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// Placement on this silo, from its provider view: pinning first, then the function's runtime and required labels,
/// then its policy (its own, else the cluster's), with the providers the view shows full moved to the end. Any silo
/// places its own tasks; nothing funnels through one place.
/// </summary>
public sealed class Placer(
    ProviderView view,
    IProviderViewRefresh feed,
    FinishEstimator estimator,
    IEnumerable<IPlacementPolicy> policies,
    IOptions<SchedulingOptions> options)
{
    private readonly Dictionary<PlacementPolicyKind, IPlacementPolicy> _policies = policies.ToDictionary(p => p.Kind);

    /// <exception cref="PinnedProviderUnavailableException">The pinned provider cannot take work.</exception>
    /// <exception cref="ProviderNotFoundException">The pinned provider is unknown.</exception>
    /// <exception cref="UnmetConstraintException">Providers have the runtime, but none ready carries the labels.</exception>
    /// <exception cref="NoProviderAvailableException">No ready provider has the runtime, or the policy found none.</exception>
    public async Task<PlacementPlan> Plan(PlacementRequest request, string? pinned)
    {
        var runtime = request.Definition.Runtime;
        if (pinned is not null)
        {
            var provider = view.Find(pinned) ?? await AfterRefresh(() => view.Find(pinned)) ?? throw new ProviderNotFoundException(pinned);
            return new PlacementPlan(request, null, [PinnedProviders.Ready(provider, runtime)]);
        }

        var ready = view.TakingWork(runtime);
        if (ready.Count == 0)
            ready = await AfterRefresh(() => view.TakingWork(runtime));
        if (ready.Count == 0)
            throw new NoProviderAvailableException(runtime);

        var requires = request.Definition.Placement?.Requires ?? ImmutableDictionary<string, string>.Empty;
        IReadOnlyList<ProviderSnapshot> fitting = requires.IsEmpty ? ready : ready.Where(p => LabelConstraints.Fits(p, requires)).ToList();
        if (fitting.Count == 0)
            throw new UnmetConstraintException(request.Definition.Name, LabelConstraints.NobodyMeets(ready, requires));

        var policy = _policies[request.Definition.Placement?.Policy ?? options.Value.Policy];
        // The view may be behind the workers, whose own answer decides: a provider that looks full is asked last, not skipped.
        var ranked = new FullLast(policy.Rank(request, fitting), p => LooksFull(p.Load));
        return ranked.Count > 0
            ? new PlacementPlan(request, policy.Kind, ranked)
            : throw new NoProviderAvailableException(runtime, $"Placement is local, and this silo's own provider cannot run '{request.Definition.Name}' right now.");
    }

    /// <summary>The decision to keep on the task when it goes to the <paramref name="index"/>th provider of the plan.</summary>
    public (PlacementDecision Decision, FinishEstimate Estimate) Decide(PlacementPlan plan, int index)
    {
        var chosen = estimator.Estimate(plan.Request, plan.Ranked[index]);
        var runnerUp = index + 1 < plan.Ranked.Count ? plan.Ranked[index + 1] : null;
        var decision = new PlacementDecision(
            plan.Policy,
            chosen.ModelVersion,
            chosen.ModelKind,
            chosen.PredictedMs,
            chosen.LinearMs,
            chosen.WaitMs,
            chosen.ColdStartMs,
            chosen.FinishMs,
            runnerUp?.Id,
            runnerUp is null ? null : estimator.Estimate(plan.Request, runnerUp).FinishMs,
            chosen.PredictedMs is null ? null : chosen.Correction,
            chosen.LogSpread is { } spread ? Math.Exp(spread) : null,
            plan.Request.DeadlineMs,
            plan.Request.DeadlineMs is { } deadline ? chosen.OnTimeProbability(deadline) : null);
        view.Reserve(plan.Ranked[index].Id, chosen.RuntimeMs);
        return (decision, chosen);
    }

    /// <summary>A worker answered an assignment, taking it or not, with its load.</summary>
    public void Answered(string provider, ProviderLoad load) => view.Observe(provider, load);

    /// <summary>Every slot is busy and the queue is at the limit the worker last reported.</summary>
    private static bool LooksFull(ProviderLoad load) => load.MaxQueued is { } max && load.Running + load.Queued >= load.Slots + max;

    /// <summary>A provider that registered since the view last refreshed is not missed: the view refreshes at once.</summary>
    private async Task<T> AfterRefresh<T>(Func<T> read)
    {
        await feed.Refresh();
        return read();
    }
}
