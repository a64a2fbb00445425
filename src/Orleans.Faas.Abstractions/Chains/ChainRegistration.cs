namespace Orleans.Faas.Chains;

/// <summary>What a definition did.</summary>
/// <param name="Version">The chain's latest version after it.</param>
/// <param name="Created">True when it stored a new version; false when the definition was the latest version's own.</param>
/// <param name="CallbackSecret">The key its runs' callbacks are signed with: made at the first definition, kept across versions.</param>
[GenerateSerializer, Immutable, Alias("faas.ChainRegistration")]
public sealed record ChainRegistration(
    [property: Id(0)] ChainVersion Version,
    [property: Id(1)] bool Created,
    [property: Id(2)] string? CallbackSecret = null);
