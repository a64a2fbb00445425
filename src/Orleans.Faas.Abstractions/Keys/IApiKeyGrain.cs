namespace Orleans.Faas.Keys;

/// <summary>
/// One API key by its id: what it allows and the SHA-256 of its secret. Every request a gateway authenticates asks
/// this grain, so a revoked key stops working at once on every gateway.
/// </summary>
[Alias("faas.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key; false when a key with this id already exists (nothing is changed).</summary>
    [Alias("Issue")]
    Task<bool> Issue(ApiKeyGrant grant, byte[] secretHash);

    /// <summary>The key's grant when <paramref name="secretHash"/> is its secret's; null for a wrong secret or a revoked or unknown key.</summary>
    [AlwaysInterleave, Alias("Authenticate")]
    Task<ApiKeyGrant?> Authenticate(byte[] secretHash);

    /// <summary>The key's grant; null when it does not exist.</summary>
    [AlwaysInterleave, Alias("GetGrant")]
    Task<ApiKeyGrant?> GetGrant();

    /// <summary>Forgets the key; false when it did not exist.</summary>
    [Alias("Revoke")]
    Task<bool> Revoke();
}
