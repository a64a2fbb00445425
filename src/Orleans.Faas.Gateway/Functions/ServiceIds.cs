using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>
/// The numeric service ids functions may carry for the ChainFaaS API, found by reading the namespace's functions as
/// <c>GET /v1/functions</c> does: no index of their own to keep in step.
/// </summary>
public static class ServiceIds
{
    /// <summary>The qualified names of the namespace's functions whose latest version carries <paramref name="serviceId"/>.</summary>
    public static async Task<ImmutableArray<string>> HoldersAsync(IGrainFactory grains, NamespaceScope scope, int serviceId)
    {
        var names = (await grains.GetGrain<IRegistryGrain>(Registries.Functions).List()).Where(scope.Holds);
        var latest = await Task.WhenAll(names.Select(name => grains.GetGrain<IFunctionGrain>(name).GetLatest()));
        return [.. latest.OfType<FunctionVersion>().Where(v => v.Definition.ServiceId == serviceId).Select(v => v.Definition.Name)];
    }

    /// <exception cref="InvalidFunctionDefinitionException">Another function of the namespace carries the definition's service id.</exception>
    public static async Task ThrowIfTakenAsync(IGrainFactory grains, NamespaceScope scope, FunctionDefinition definition)
    {
        if (definition.ServiceId is not { } id)
            return;
        var other = (await HoldersAsync(grains, scope, id)).FirstOrDefault(name => name != definition.Name);
        if (other is not null)
            throw new InvalidFunctionDefinitionException(ImmutableDictionary<string, string[]>.Empty.Add("serviceId",
                [$"Service id {id} is already taken by function '{QualifiedName.LocalName(other)}' in namespace '{scope.Namespace}'."]));
    }
}
