using Microsoft.Extensions.Logging;
using Orleans.Faas.Hosting;

namespace Orleans.Faas.Providers;

/// <summary>
/// Keeps provider status following membership when membership cannot say that a silo died: after its store lost its
/// data (a Redis restarted empty), a silo that stopped leaves no Dead entry behind, only none at all. Every period,
/// each silo reads the providers, then membership afresh, and treats a provider whose silo is not among the members
/// as lost. Reading membership after the providers means a silo that registered a provider was a member by then.
/// </summary>
public sealed partial class ProviderMembershipSweep(
    IClusterMembershipService membership,
    IGrainFactory grains,
    ILocalSiloDetails local,
    ILogger<ProviderMembershipSweep> logger)
{
    /// <summary>Every silo sweeps this often; a membership death is handled at once by <see cref="ProviderLossWatcher"/>, this is the fallback.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    public PeriodicSiloWork Schedule(TimeProvider clock) => new(nameof(ProviderMembershipSweep), Period, clock, Sweep);

    private async Task Sweep(CancellationToken stopping)
    {
        try
        {
            var providers = await grains.ReadProviders();
            await membership.Refresh();
            var members = membership.CurrentSnapshot.Members.Values
                .Where(m => m.Status != SiloStatus.Dead)
                .Select(m => m.SiloAddress.ToString())
                .Append(local.SiloAddress.ToString())
                .ToHashSet();
            foreach (var orphan in providers.Where(p => p.Status != ProviderStatus.Down && !members.Contains(p.Silo)))
            {
                LogNotAMember(orphan.Id, orphan.Silo);
                await grains.HandleAsync(orphan.Id, orphan.Silo, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
        catch (Exception e)
        {
            // Membership's store or the cluster is away; the next period tries again.
            LogSweepFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId}'s silo {Silo} is not a member of the cluster any more; every unfinished task is checked, and what it held is placed again")]
    private partial void LogNotAMember(string providerId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping providers whose silo left the cluster failed; it is tried again at the next period")]
    private partial void LogSweepFailed(Exception exception);
}
