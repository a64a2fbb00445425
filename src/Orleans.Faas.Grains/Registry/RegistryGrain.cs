using System.Collections.Immutable;

namespace Orleans.Faas.Registry;

public sealed class RegistryGrain(
    [PersistentState("registry", FaasStorage.Name)] IPersistentState<RegistryRecord> state)
    : Grain, IRegistryGrain
{
    public async Task Add(string name)
    {
        if (state.State.Names.Add(name))
            await state.WriteStateAsync();
    }

    public async Task Remove(string name)
    {
        if (state.State.Names.Remove(name))
            await state.WriteStateAsync();
    }

    public Task<ImmutableSortedSet<string>> List() => Task.FromResult(state.State.Names.ToImmutableSortedSet(StringComparer.Ordinal));
}
