namespace Orleans.Faas.Chains;

/// <summary>One defined version of a chain; every definition that changes the steps makes a new one.</summary>
[GenerateSerializer, Immutable, Alias("faas.ChainVersion")]
public sealed record ChainVersion(
    [property: Id(0)] ChainDefinition Definition,
    [property: Id(1)] int Version,
    [property: Id(2)] DateTimeOffset DefinedAt);
