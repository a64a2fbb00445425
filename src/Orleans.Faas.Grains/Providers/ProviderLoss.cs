using Orleans.Faas.Benchmarks;
using Orleans.Faas.Resilience;
using Orleans.Faas.Watch;

namespace Orleans.Faas.Providers;

/// <summary>
/// What the cluster does once a provider's silo is known to be gone: the provider goes Down (unless a newer silo of
/// the node registered since), every watched task is checked at once, which places again the attempts the node held,
/// and a benchmark job it ran gives the slot back. Idempotent, so every silo that sees the loss may do it.
/// </summary>
internal static class ProviderLoss
{
    public static Task HandleAsync(this IGrainFactory grains, string providerId, string silo, CancellationToken cancellationToken) =>
        ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ =>
        {
            await grains.GetGrain<IProviderGrain>(providerId).MarkDown(silo);
            await grains.CheckAllNow();
            await grains.GetGrain<IBenchmarkSlotGrain>(IBenchmarkSlotGrain.ClusterKey).Nudge();
        }, cancellationToken).AsTask();
}
