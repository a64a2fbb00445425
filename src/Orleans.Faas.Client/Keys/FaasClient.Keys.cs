namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Who the gateway takes this client for: its key's id, role and namespaces; 401 when the key is not valid.</summary>
    public virtual Task<CallerInfo> GetCallerAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<CallerInfo>("v1/caller", cancellationToken);

    /// <summary>Creates an API key (admin only); the answer's <see cref="ApiKey.Key"/> is the only time the key is shown.</summary>
    public virtual Task<ApiKey> CreateKeyAsync(ApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pipeline.PostJson<ApiKey>("v1/keys", request, cancellationToken);
    }

    /// <summary>Every API key, without its secret (admin only).</summary>
    public virtual Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<ApiKey>>("v1/keys", cancellationToken);

    /// <summary>Revokes an API key on every gateway at once (admin only); 404 when there is no such key.</summary>
    public virtual async Task RevokeKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"v1/keys/{Escape(id)}");
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
