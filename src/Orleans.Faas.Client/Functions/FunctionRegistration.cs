namespace Orleans.Faas.Client;

/// <summary>What a registration did.</summary>
/// <param name="Function">The function's latest version after it.</param>
/// <param name="Created">True when it made a new version; false when the definition was the same as the latest version's.</param>
/// <param name="CallbackSecret">The key the function's callbacks are signed with: made at its first registration, kept across versions.</param>
public sealed record FunctionRegistration(FunctionVersion Function, bool Created, string? CallbackSecret = null);
