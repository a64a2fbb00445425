using System.Collections.Immutable;

namespace Orleans.Faas.Functions;

[GenerateSerializer, Alias("faas.InvalidFunctionDefinitionException")]
public sealed class InvalidFunctionDefinitionException(ImmutableDictionary<string, string[]> errors)
    : Exception("The function definition is invalid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Field name → what is wrong with it.</summary>
    [Id(0)]
    public ImmutableDictionary<string, string[]> Errors { get; } = errors;
}
