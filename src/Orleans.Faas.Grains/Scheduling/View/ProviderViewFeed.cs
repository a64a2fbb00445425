using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Hosting;
using Orleans.Faas.Providers;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Scheduling.View;

/// <summary>
/// Keeps this silo's <see cref="ProviderView"/> current: subscribes to every registered provider, which then tells it
/// each change; watches the provider registry, so a provider that registers is subscribed to at once; and subscribes
/// again every <see cref="SchedulingOptions.ViewRefresh"/> to renew all that and to learn the reference provider.
/// </summary>
public sealed partial class ProviderViewFeed(
    ProviderView view,
    IGrainFactory grains,
    IOptions<SchedulingOptions> options,
    ILogger<ProviderViewFeed> logger)
    : IProviderViewObserver, IRegistryWatcher, IProviderViewRefresh
{
    private IProviderViewObserver? _self;
    private IRegistryWatcher? _watcher;

    public Task Changed(ProviderSnapshot snapshot, long revision)
    {
        view.Apply(snapshot, revision);
        return Task.CompletedTask;
    }

    /// <summary>A provider registered: refresh now rather than at the next period, which also learns the reference (the first provider to register may have just become it).</summary>
    public Task Added(string name) => Refresh();

    public PeriodicSiloWork Schedule(TimeProvider clock) => new(nameof(ProviderViewFeed), options.Value.ViewRefresh, clock, _ => Refresh());

    /// <summary>Subscribes to every registered provider; one that cannot be reached now is tried again next time.</summary>
    public async Task Refresh()
    {
        LazyInitializer.EnsureInitialized(ref _self, () => grains.CreateObjectReference<IProviderViewObserver>(this));
        LazyInitializer.EnsureInitialized(ref _watcher, () => grains.CreateObjectReference<IRegistryWatcher>(this));
        try
        {
            var ids = await grains.GetGrain<IRegistryGrain>(Registries.Providers).Watch(_watcher!);
            await Task.WhenAll(ids.Select(Subscribe));
            // Read after the listing: a provider proposes itself as the reference before it is listed, so the first
            // provider of those listed is already the reference here.
            view.SetReference(await grains.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey).Get());
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogRefreshFailed(e);
        }
    }

    private async Task Subscribe(string id)
    {
        try
        {
            var (snapshot, revision) = await grains.GetGrain<IProviderGrain>(id).Subscribe(_self!);
            if (snapshot is not null)
                view.Apply(snapshot, revision);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogSubscribeFailed(e, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider view: the providers could not be listed; trying again later")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider view: provider {ProviderId} could not be subscribed to; trying again later")]
    private partial void LogSubscribeFailed(Exception exception, string providerId);
}
