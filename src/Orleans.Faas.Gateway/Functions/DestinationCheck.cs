using System.Collections.Immutable;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>Refuses destinations that name no function or chain of the namespace, so a typo is found at registration, not when a task ends.</summary>
public static class DestinationCheck
{
    /// <exception cref="InvalidFunctionDefinitionException">A destination names what does not exist; the error names its field.</exception>
    public static async Task ThrowIfMissingAsync(IGrainFactory grains, NamespaceScope scope, FunctionDefinition definition)
    {
        var errors = ImmutableDictionary<string, string[]>.Empty;
        foreach (var (field, destination) in DestinationRules.Named(definition.Destinations))
        {
            var exists = destination.Function is { } function
                ? await grains.GetGrain<IFunctionGrain>(QualifiedName.Of(scope.Namespace, function)).GetLatest() is not null
                : await grains.GetGrain<IChainGrain>(QualifiedName.Of(scope.Namespace, destination.Chain!)).GetLatest() is not null;
            if (!exists)
            {
                var (kind, created) = destination.Function is not null ? ("function", "POST /v1/functions") : ("chain", "POST /v1/chains");
                errors = errors.Add($"{field}.{kind}", [$"The destination {destination} does not exist in namespace '{scope.Namespace}'; create it first with {created}."]);
            }
        }
        if (!errors.IsEmpty)
            throw new InvalidFunctionDefinitionException(errors);
    }
}
