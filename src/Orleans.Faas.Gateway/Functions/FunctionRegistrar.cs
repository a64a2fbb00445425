using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Secrets;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>
/// Registers a function the one way every route does (<c>POST /v1/functions</c>, MPCS's and Fsched's): the definition
/// is validated and its name qualified into the request's namespace, what it names is checked (its secrets, its
/// service id, its code), and only then is it stored.
/// </summary>
public static class FunctionRegistrar
{
    /// <param name="definition">The definition, named by its local name.</param>
    /// <param name="nameField">The field a name no function can have is reported under, with <paramref name="nameRule"/> (by default the rule for names).</param>
    /// <exception cref="InvalidFunctionDefinitionException">The definition is invalid, or names what its namespace does not have or another function holds.</exception>
    /// <exception cref="NoProviderAvailableException">Its code needs a node to check it and none could.</exception>
    public static async Task<FunctionRegistration> RegisterAsync(
        IGrainFactory grains, NamespaceScope scope, FunctionDefinition definition, string nameField = "name", string nameRule = FunctionDefinitionValidator.NameRule)
    {
        var errors = FunctionDefinitionValidator.Validate(definition);
        // A name with '/' passes as a qualified one; from a caller, only a name within the request's namespace will do.
        var qualified = scope.Qualify(definition.Name);
        if (qualified is null || !errors.IsEmpty)
            throw new InvalidFunctionDefinitionException(qualified is null ? errors.SetItem(nameField, [nameRule]) : errors);
        definition = definition with { Name = qualified };
        await SecretCheck.ThrowIfMissingAsync(grains, scope.Namespace, definition);
        await DestinationCheck.ThrowIfMissingAsync(grains, scope, definition);
        await ServiceIds.ThrowIfTakenAsync(grains, scope, definition);
        await CodeCheck.ThrowIfInvalidAsync(grains, definition);
        return await grains.GetGrain<IFunctionGrain>(qualified).Register(definition);
    }
}
