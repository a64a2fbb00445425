using System.Collections.Immutable;

namespace Orleans.Faas.Chains;

/// <summary>A run of one chain version: its steps as they were when it started, and the first step's input.</summary>
[GenerateSerializer, Immutable, Alias("faas.ChainRunRequest")]
public sealed record ChainRunRequest(
    [property: Id(0)] string Chain,
    [property: Id(1)] int ChainVersion,
    [property: Id(2)] ImmutableArray<ChainStep> Steps,
    [property: Id(3)] byte[] Input,
    [property: Id(4)] string? CallbackUrl = null);
