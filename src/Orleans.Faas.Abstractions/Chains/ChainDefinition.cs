using System.Collections.Immutable;

namespace Orleans.Faas.Chains;

/// <summary>A named sequence of functions, each step's output the next one's input.</summary>
[GenerateSerializer, Immutable, Alias("faas.ChainDefinition")]
public sealed record ChainDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableArray<ChainStep> Steps);
