using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Utilities;

namespace Orleans.Faas.Registry;

public sealed class RegistryGrain(
    [PersistentState("registry", FaasStorage.Name)] IPersistentState<RegistryRecord> state,
    DeepCopier<RegistryRecord> copier,
    ILogger<RegistryGrain> logger)
    : Grain, IRegistryGrain
{
    private readonly StoredRecord<RegistryRecord> _record = new(state, copier);

    private RegistryRecord Record => _record.Current;

    private readonly ObserverManager<IRegistryWatcher> _watchers = new(TimeSpan.FromMinutes(1), logger);

    public async Task Add(string name)
    {
        if (Record.Names.Contains(name))
            return;
        await _record.Change(r => r.Names.Add(name));
        _watchers.Notify(watcher => watcher.Added(name).Ignore());
    }

    public async Task Remove(string name)
    {
        if (Record.Names.Contains(name))
            await _record.Change(r => r.Names.Remove(name));
    }

    public Task<ImmutableSortedSet<string>> Watch(IRegistryWatcher watcher)
    {
        _watchers.Subscribe(watcher, watcher);
        return List();
    }

    public Task<ImmutableSortedSet<string>> List() => Task.FromResult(Record.Names.ToImmutableSortedSet(StringComparer.Ordinal));
}
