using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Secrets;

namespace Orleans.Faas.Gateway.Secrets;

/// <summary>Refuses a definition that names secrets its namespace does not have, so a typo is found at registration, not at run time.</summary>
public static class SecretCheck
{
    /// <exception cref="InvalidFunctionDefinitionException">A secret it names does not exist; the error names each.</exception>
    public static async Task ThrowIfMissingAsync(IGrainFactory grains, string @namespace, FunctionDefinition definition)
    {
        if (definition.Secrets.IsEmpty)
            return;
        var missing = await grains.GetGrain<ISecretsGrain>(@namespace).Missing(definition.Secrets);
        if (!missing.IsEmpty)
            throw new InvalidFunctionDefinitionException(ImmutableDictionary<string, string[]>.Empty.Add("secrets",
                [.. missing.Select(name => $"Secret '{name}' does not exist in namespace '{@namespace}'; create it first with PUT /v1/secrets/{name}.")]));
    }
}
