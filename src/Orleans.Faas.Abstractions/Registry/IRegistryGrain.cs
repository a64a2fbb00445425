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
}
