namespace Orleans.Faas.Chains;

/// <summary>One step of a chain: a function run once on the previous output, or, with <paramref name="FanOut"/>, a batch of it.</summary>
[GenerateSerializer, Immutable, Alias("faas.ChainStep")]
public sealed record ChainStep(
    [property: Id(0)] string Function,
    [property: Id(1)] FanOut? FanOut = null);
