using System.Collections.Immutable;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// The ids of the stored keys as this gateway knows them, so that a key whose id was never issued is refused without
/// activating a key grain for it (which would read the database). The keys registry tells the gateway of each key as
/// it is stored; the gateway reads the whole list again, which also renews that watch, once it is older than
/// <see cref="Renewal"/>, and when a request names an id it does not know, at most once every <see cref="MissInterval"/>.
/// Knowing an id only lets its key be checked: a revoked key is refused by its grain.
/// </summary>
public sealed class KnownKeyIds(IGrainFactory grains, TimeProvider clock) : IRegistryWatcher
{
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MissInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private ImmutableHashSet<string> _ids = [];
    private ImmutableHashSet<string> _learnedWhileReading = [];
    private long? _readStarted;
    private Task _reading = Task.CompletedTask;
    private IRegistryWatcher? _watcher;

    private IRegistryGrain Registry => grains.GetGrain<IRegistryGrain>(Registries.Keys);

    /// <summary>Whether a key with this id may be stored; false when neither the registry's word nor a read at most <see cref="MissInterval"/> old knows it.</summary>
    public async Task<bool> MayExist(string id)
    {
        if (IsOlderThan(Renewal))
            await Read();
        if (_ids.Contains(id))
            return true;
        if (IsOlderThan(MissInterval))
            await Read();
        return _ids.Contains(id);
    }

    /// <summary>Whether no key is stored at all: a key this gateway knows of answers at once; otherwise the registry is asked now.</summary>
    public async Task<bool> NoneStored()
    {
        if (IsOlderThan(Renewal))
            await Read();
        if (!_ids.IsEmpty)
            return false;
        var ids = await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await Registry.List());
        Learn(ids);
        return ids.IsEmpty;
    }

    /// <summary>A key this gateway has just stored: known at once, before the registry's word arrives.</summary>
    public void Learn(string id) => Learn([id]);

    Task IRegistryWatcher.Added(string name)
    {
        Learn(name);
        return Task.CompletedTask;
    }

    private void Learn(IEnumerable<string> ids)
    {
        lock (_gate)
        {
            _ids = _ids.Union(ids);
            if (!_reading.IsCompleted)
                _learnedWhileReading = _learnedWhileReading.Union(ids);
        }
    }

    private bool IsOlderThan(TimeSpan age) => _readStarted is not { } started || clock.GetElapsedTime(started) >= age;

    /// <summary>One read at a time: a caller that finds one under way waits for it.</summary>
    private Task Read()
    {
        lock (_gate)
        {
            if (_reading.IsCompleted)
            {
                _readStarted = clock.GetTimestamp();
                _learnedWhileReading = [];
                _reading = ReadList();
            }
            return _reading;
        }
    }

    private async Task ReadList()
    {
        await Task.Yield();
        try
        {
            _watcher ??= grains.CreateObjectReference<IRegistryWatcher>(this);
            var ids = await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await Registry.Watch(_watcher));
            // Ids learned while the list was read may be newer than it.
            lock (_gate)
                _ids = [.. ids, .. _learnedWhileReading];
        }
        catch
        {
            lock (_gate)
                _readStarted = null;
            throw;
        }
    }
}
