namespace Orleans.Faas.Functions;

/// <summary>What a registration did.</summary>
/// <param name="Version">The function's latest version after it.</param>
/// <param name="CallbackSecret">The key its callbacks are signed with: made at the first registration, kept across versions.</param>
/// <param name="Created">True when it stored a new version; false when the definition was the latest version's own.</param>
[GenerateSerializer, Immutable, Alias("faas.FunctionRegistration")]
public sealed record FunctionRegistration(
    [property: Id(0)] FunctionVersion Version,
    [property: Id(1)] bool Created,
    [property: Id(2)] string? CallbackSecret = null);
