using System.Collections.Immutable;

namespace Orleans.Faas.Chains;

[GenerateSerializer, Alias("faas.InvalidChainDefinitionException")]
public sealed class InvalidChainDefinitionException(ImmutableDictionary<string, string[]> errors)
    : Exception("The chain definition is invalid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Field name → what is wrong with it.</summary>
    [Id(0)]
    public ImmutableDictionary<string, string[]> Errors { get; } = errors;
}
