using System.Collections.Immutable;
using Orleans.Faas.Registry;
using Orleans.Faas.Resilience;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// The ids of the stored keys, as this gateway last read them from the keys registry (a set in one grain's memory), so
/// that a key whose id was never issued is refused without activating a key grain for it, which would read the
/// database. An id it does not know makes it read the list again, so a key stored through any gateway is known at once;
/// the failed-key limit (<see cref="FailedKeyAttempts"/>) bounds how often one address can make it read. Knowing an id
/// only lets its key be checked: a revoked key is refused by its grain.
/// </summary>
public sealed class KnownKeyIds(IGrainFactory grains, TimeProvider clock)
{
    /// <summary>How long a gateway that knows of a key takes that as "some key is stored" without asking again.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    private volatile ImmutableHashSet<string> _ids = [];
    private long _readAt;

    public async Task<bool> MayExist(string id) => _ids.Contains(id) || (await Read()).Contains(id);

    /// <summary>Whether no key is stored: a key read less than <see cref="Renewal"/> ago answers at once; otherwise the registry is asked now.</summary>
    public async Task<bool> NoneStored() =>
        (_ids.IsEmpty || clock.GetElapsedTime(Volatile.Read(ref _readAt)) >= Renewal) && (await Read()).IsEmpty;

    /// <summary>Reads the list; two reads that end out of order may leave the older, which only costs the next unknown id a read.</summary>
    private async Task<ImmutableHashSet<string>> Read()
    {
        var started = clock.GetTimestamp();
        var ids = (await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await grains.GetGrain<IRegistryGrain>(Registries.Keys).List())).ToImmutableHashSet();
        _ids = ids;
        Volatile.Write(ref _readAt, started);
        return ids;
    }
}
