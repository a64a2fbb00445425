namespace Orleans.Faas.Client;

/// <summary>What a definition did.</summary>
/// <param name="Chain">The chain's latest version after it.</param>
/// <param name="Created">True when it made a new version; false when the steps were the same as the latest version's.</param>
/// <param name="CallbackSecret">The key its runs' callbacks are signed with: made at its first definition, kept across versions.</param>
public sealed record ChainRegistration(ChainVersion Chain, bool Created, string? CallbackSecret = null);
