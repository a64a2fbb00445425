namespace Orleans.Faas.Gateway.Functions;

/// <summary>The key a function's callbacks are signed with.</summary>
public sealed record CallbackSecretResponse(string Function, string CallbackSecret);
