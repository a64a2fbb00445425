namespace Orleans.Faas.Functions;

/// <summary>One registered version of a function; every registration that changes the definition makes a new one.</summary>
[GenerateSerializer, Immutable, Alias("faas.FunctionVersion")]
public sealed record FunctionVersion(
    [property: Id(0)] FunctionDefinition Definition,
    [property: Id(1)] int Version,
    [property: Id(2)] DateTimeOffset RegisteredAt);
