using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Secrets;
using Orleans.Faas.Secrets;

namespace Orleans.Faas.Gateway.Secrets;

/// <summary>Refuses naming secrets the namespace does not have, so a typo is found when a function is registered or a job started, not at run time.</summary>
public static class SecretCheck
{
    /// <exception cref="InvalidFunctionDefinitionException">A secret it names does not exist; the error names each.</exception>
    public static Task ThrowIfMissingAsync(IGrainFactory grains, string @namespace, FunctionDefinition definition) =>
        ThrowIfMissingAsync(grains, @namespace, definition.Secrets, "secrets", errors => new InvalidFunctionDefinitionException(errors));

    /// <summary>Throws what <paramref name="refuse"/> makes of the names among <paramref name="names"/> that are no secret of the namespace, each under <paramref name="field"/>.</summary>
    public static async Task ThrowIfMissingAsync(
        IGrainFactory grains, string @namespace, ImmutableArray<string> names, string field, Func<ImmutableDictionary<string, string[]>, Exception> refuse)
    {
        if (names.IsEmpty)
            return;
        var missing = await grains.GetGrain<ISecretsGrain>(@namespace).Missing(names);
        if (!missing.IsEmpty)
            throw refuse(ImmutableDictionary<string, string[]>.Empty.Add(field, [.. missing.Select(name => SecretRules.IsValidName(name)
                ? $"Secret '{name}' does not exist in namespace '{@namespace}'; create it first with PUT /v1/secrets/{name}."
                : $"Secret '{name}': {SecretRules.NameRule}")]));
    }
}
