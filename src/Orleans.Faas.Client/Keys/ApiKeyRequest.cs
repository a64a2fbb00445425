namespace Orleans.Faas.Client;

/// <summary>What a new API key may do.</summary>
public sealed record ApiKeyRequest
{
    /// <summary>What the key is for (a-z, 0-9 and '-'), e.g. <c>ci-runner</c>.</summary>
    public required string Name { get; init; }

    public required ApiKeyRole Role { get; init; }

    /// <summary>Where it may act, its default first; none means <c>default</c> alone.</summary>
    public IReadOnlyList<string>? Namespaces { get; init; }

    /// <summary>Its own request rate; null takes the gateway's default (<c>Faas:Auth:RateLimit</c>).</summary>
    public KeyRateLimit? RateLimit { get; init; }
}
