namespace Orleans.Faas.Functions;

/// <summary>What a registration did.</summary>
/// <param name="Version">The function's latest version after it.</param>
/// <param name="Created">True when it stored a new version; false when the definition was the latest version's own.</param>
[GenerateSerializer, Immutable, Alias("faas.FunctionRegistration")]
public sealed record FunctionRegistration(
    [property: Id(0)] FunctionVersion Version,
    [property: Id(1)] bool Created);
