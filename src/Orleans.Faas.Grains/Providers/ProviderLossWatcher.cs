using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Watch;

namespace Orleans.Faas.Providers;

/// <summary>
/// Turns silo deaths seen by Orleans membership into lost providers: the provider goes Down, and every watched task is
/// checked at once, which places again the attempts the node held. Every silo runs one; the work is idempotent, so
/// more than one watcher seeing a death is harmless.
/// </summary>
public sealed partial class ProviderLossWatcher(
    IClusterMembershipService membership,
    IGrainFactory grains,
    ILogger<ProviderLossWatcher> logger)
    : BackgroundService
{
    private readonly HashSet<SiloAddress> _handled = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                foreach (var dead in snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && !_handled.Contains(m.SiloAddress)))
                {
                    if (await TryHandle(dead, stoppingToken))
                        _handled.Add(dead.SiloAddress);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping (Orleans ends the membership stream then, sometimes before the host's token fires).
        }
    }

    /// <returns>False when the cluster kept failing; the death is tried again with the next membership change.</returns>
    private async Task<bool> TryHandle(ClusterMember dead, CancellationToken stoppingToken)
    {
        try
        {
            await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ =>
            {
                await grains.GetGrain<IProviderGrain>(dead.Name).MarkDown(dead.SiloAddress.ToString());
                LogPlacingAgain(dead.Name, dead.SiloAddress.ToString());
                await grains.CheckAllNow();
                // A benchmark job that ran on the dead silo gives the slot back once it is found.
                await grains.GetGrain<IBenchmarkSlotGrain>(IBenchmarkSlotGrain.ClusterKey).Nudge();
            }, stoppingToken);
            return true;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogHandlingFailed(e, dead.Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} of provider {ProviderId} died; every unfinished task is checked, and what it held is placed again")]
    private partial void LogPlacingAgain(string providerId, string silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the death of provider {ProviderId}'s silo failed; it is tried again on the next membership change")]
    private partial void LogHandlingFailed(Exception exception, string providerId);
}
