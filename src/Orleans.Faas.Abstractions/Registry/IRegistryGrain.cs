using System.Collections.Immutable;

namespace Orleans.Faas.Registry;

/// <summary>A durable set of names, so that functions and providers can be listed without scanning storage.</summary>
[Alias("faas.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task Add(string name);

    [Alias("Remove")]
    Task Remove(string name);

    [AlwaysInterleave, Alias("List")]
    Task<ImmutableSortedSet<string>> List();

    /// <summary>Lists the names, and tells the watcher of each name added from now on until it has not watched again for a minute.</summary>
    [Alias("Watch")]
    Task<ImmutableSortedSet<string>> Watch(IRegistryWatcher watcher);
}
