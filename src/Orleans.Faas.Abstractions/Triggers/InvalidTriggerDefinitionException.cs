using System.Collections.Immutable;

namespace Orleans.Faas.Triggers;

[GenerateSerializer, Alias("faas.InvalidTriggerDefinitionException")]
public sealed class InvalidTriggerDefinitionException(ImmutableDictionary<string, string[]> errors)
    : Exception("The trigger definition is invalid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Field name → what is wrong with it.</summary>
    [Id(0)]
    public ImmutableDictionary<string, string[]> Errors { get; } = errors;
}
