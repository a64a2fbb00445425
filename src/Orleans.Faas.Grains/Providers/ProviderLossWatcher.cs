using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orleans.Faas.Providers;

/// <summary>
/// Turns silo deaths seen by Orleans membership into lost providers (<see cref="ProviderLoss"/>). Every silo runs one;
/// the work is idempotent, so more than one watcher seeing a death is harmless. A silo that leaves no death behind, as
/// when membership's store lost its data, is found by <see cref="ProviderMembershipSweep"/>.
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
            LogPlacingAgain(dead.Name, dead.SiloAddress.ToString());
            await grains.HandleAsync(dead.Name, dead.SiloAddress.ToString(), stoppingToken);
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
