namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Every provider (one per node).</summary>
    public virtual Task<IReadOnlyList<Provider>> ListProvidersAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<Provider>>("v1/providers", cancellationToken);

    /// <summary>One provider; 404 when there is no such provider.</summary>
    public virtual Task<Provider> GetProviderAsync(string id, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<Provider>($"v1/providers/{Escape(id)}", cancellationToken);

    /// <summary>Stops placing new tasks on a provider; what it runs and has queued still finishes.</summary>
    public virtual Task<Provider> DrainProviderAsync(string id, CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<Provider>($"v1/providers/{Escape(id)}/drain", null, cancellationToken);

    /// <summary>Places new tasks on a drained provider again.</summary>
    public virtual Task<Provider> UndrainProviderAsync(string id, CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<Provider>($"v1/providers/{Escape(id)}/undrain", null, cancellationToken);

    /// <summary>Makes a provider the reference: its scores become 1.0 and every other provider's are re-based on it.</summary>
    public virtual Task<Provider> SetReferenceProviderAsync(string id, CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<Provider>($"v1/providers/{Escape(id)}/reference", null, cancellationToken);
}
