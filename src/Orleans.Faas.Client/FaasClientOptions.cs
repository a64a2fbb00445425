namespace Orleans.Faas.Client;

/// <summary>Where the gateway is, who is calling it, and how patiently to talk to it.</summary>
public class FaasClientOptions
{
    public const string ApiKeyVariable = "FAAS_API_KEY";
    public const string NamespaceVariable = "FAAS_NAMESPACE";

    /// <summary>The gateway's base address, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public Uri Endpoint { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>The API key sent with every request as <c>Authorization: Bearer</c>; null sends none (an open gateway on loopback).</summary>
    public string? ApiKey { get; set; } = Variable(ApiKeyVariable);

    /// <summary>The namespace every request acts in (the <c>Faas-Namespace</c> header); null leaves it to the key's first namespace.</summary>
    public string? Namespace { get; set; } = Variable(NamespaceVariable);

    /// <summary>
    /// How long one request may take before it counts as unanswered. It must outlast the gateway's synchronous wait
    /// (<c>Faas:Gateway:SyncWait</c>, 30 s by default) and the 20 s long poll of a task.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How often a request that is safe to repeat (a read) is tried again after a transient failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    internal void Validate()
    {
        if (!Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https"))
            throw new ArgumentException($"The endpoint must be an absolute http(s) address, not '{Endpoint}'.", nameof(Endpoint));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(NetworkTimeout, TimeSpan.Zero, nameof(NetworkTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
    }
}
