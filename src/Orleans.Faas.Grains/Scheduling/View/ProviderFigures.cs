using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling.View;

/// <summary>
/// What a finish estimate reads of a provider, taken out of its snapshot once, when the view takes the snapshot, and
/// kept beside it: ranking ten thousand providers for a decision then reads one object each, not the five a snapshot
/// spreads them over.
/// </summary>
/// <param name="Takes">A bit per <see cref="FunctionRuntime"/> it takes new work of; none unless it is ready.</param>
/// <param name="WaitMs">The predicted work ahead of a new task there, over its slots; 0 when a slot is free.</param>
public readonly record struct ProviderFigures(
    int Takes,
    double? CpuEfficiency,
    double? MemoryEfficiency,
    double WaitMs,
    double? ColdStartMs,
    ImmutableDictionary<string, int>? IdleWarm)
{
    public static ProviderFigures Of(ProviderSnapshot provider)
    {
        var load = provider.Load;
        var takes = 0;
        if (provider.Status == ProviderStatus.Ready)
        {
            foreach (var runtime in provider.Runtimes)
                takes |= 1 << (int)runtime;
        }
        return new ProviderFigures(
            takes,
            provider.Scores?.CpuEfficiency,
            provider.Scores?.MemoryEfficiency,
            load.Running + load.Queued >= load.Slots ? load.PendingMs / Math.Max(1, load.Slots) : 0,
            load.ColdStartMs,
            load.IdleWarm);
    }

    /// <summary>The figures of the <paramref name="index"/>th candidate: kept by the view for its own selections, else taken now.</summary>
    public static ProviderFigures At(IReadOnlyList<ProviderSnapshot> candidates, int index) =>
        candidates is ProviderSelection selection ? selection.Figures(index) : Of(candidates[index]);

    /// <inheritdoc cref="ProviderSnapshot.TakesWork"/>
    public bool TakesWork(FunctionRuntime runtime) => (Takes & (1 << (int)runtime)) != 0;

    /// <inheritdoc cref="ProviderLoad.IdleWarmOf"/>
    public int IdleWarmOf(string warmKey) => IdleWarm?.GetValueOrDefault(warmKey) ?? 0;

    /// <summary>
    /// Its finish is never below its run time (no negative wait or cold start, no efficiency that is not a number or
    /// not positive), so a floor on the run times of providers as fast as it at most is a floor on its finish too.
    /// </summary>
    public bool Bounded => WaitMs >= 0 && (ColdStartMs is null || ColdStartMs >= 0) && CpuEfficiency is null or > 0 && MemoryEfficiency is null or > 0;

    /// <summary>What a <see cref="ProviderSelection"/> is chosen and ordered by; the view chooses again when it changes.</summary>
    internal (int, double?, double?, bool) Selecting => (Takes, CpuEfficiency, MemoryEfficiency, Bounded);
}
