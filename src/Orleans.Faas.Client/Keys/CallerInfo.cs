namespace Orleans.Faas.Client;

/// <summary>Who the gateway takes this client for, and the namespace its requests act in.</summary>
public sealed record CallerInfo
{
    /// <summary>The key's id; null without a key (an open gateway), <c>admin-key</c> for the operator's configured key.</summary>
    public string? KeyId { get; init; }

    public ApiKeyRole Role { get; init; }

    /// <summary>Where the key may act; an admin may act in any.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Where this client's requests act.</summary>
    public required string Namespace { get; init; }
}
