namespace Orleans.Faas.Client;

/// <summary>The callback secret in the gateway's answer to a registration or a secret read.</summary>
internal sealed record CallbackSecretAnswer(string? CallbackSecret);
