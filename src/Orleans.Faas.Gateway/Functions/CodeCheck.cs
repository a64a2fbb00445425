using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>
/// Has a node that runs the definition's runtime check its code before it is stored (python: source compiles, a
/// pickle deserializes, in a container, never here), so code that cannot run is refused at registration. The
/// latest version's own definition is not checked again.
/// </summary>
public static class CodeCheck
{
    /// <exception cref="InvalidFunctionDefinitionException">The code does not compile or deserialize.</exception>
    /// <exception cref="NoProviderAvailableException">No ready node runs the runtime, or the check could not run.</exception>
    public static async Task ThrowIfInvalidAsync(IGrainFactory grains, FunctionDefinition definition)
    {
        if (definition.Runtime != FunctionRuntime.Python)
            return;
        // The latest version's code was checked before it was stored; registering it again changes nothing.
        if (await grains.GetGrain<IFunctionGrain>(definition.Name).GetLatest() is { } latest && SameDefinition.As(latest.Definition, definition))
            return;
        var able = (await grains.GetGrain<IProviderDirectoryGrain>(0).List()).Where(p => p.TakesWork(definition.Runtime)).ToList();
        if (able.Count == 0)
            throw new NoProviderAvailableException(definition.Runtime, "No ready provider runs python functions, so the code cannot be checked; nothing was registered.");
        var errors = await grains.GetGrain<IWorkerGrain>(able[Random.Shared.Next(able.Count)].Id).CheckCode(definition);
        if (!errors.IsEmpty)
            throw new InvalidFunctionDefinitionException(errors);
    }
}
