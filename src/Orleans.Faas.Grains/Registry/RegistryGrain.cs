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
    private readonly ObserverManager<IRegistryWatcher> _watchers = new(TimeSpan.FromMinutes(1), logger);

    public async Task Add(string name)
    {
        if (state.State.Names.Contains(name))
            return;
        await state.Change(copier, r => r.Names.Add(name));
        _watchers.Notify(watcher => watcher.Added(name).Ignore());
    }

    public async Task Remove(string name)
    {
        if (state.State.Names.Contains(name))
            await state.Change(copier, r => r.Names.Remove(name));
    }

    public Task<ImmutableSortedSet<string>> Watch(IRegistryWatcher watcher)
    {
        _watchers.Subscribe(watcher, watcher);
        return List();
    }

    public Task<ImmutableSortedSet<string>> List() => Task.FromResult(state.State.Names.ToImmutableSortedSet(StringComparer.Ordinal));
}
