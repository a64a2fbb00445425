namespace Orleans.Faas.Gateway.Chains;

/// <summary>The key a chain's runs' callbacks are signed with.</summary>
public sealed record ChainSecretResponse(string Chain, string CallbackSecret);
