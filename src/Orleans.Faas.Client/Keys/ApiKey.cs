namespace Orleans.Faas.Client;

/// <summary>An API key as the gateway shows it: its secret only once, in the answer that created it.</summary>
public sealed record ApiKey
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public ApiKeyRole Role { get; init; }

    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its own request rate; null when it takes the gateway's default.</summary>
    public KeyRateLimit? RateLimit { get; init; }

    /// <summary>The key to send (<see cref="FaasClientOptions.ApiKey"/>); set only on the answer of <see cref="FaasClient.CreateKeyAsync"/>.</summary>
    public string? Key { get; init; }

    /// <summary>Leaves the secret out, so that logging a key's description does not log the key.</summary>
    public override string ToString() => $"ApiKey {{ Id = {Id}, Name = {Name}, Role = {Role}, Namespaces = [{string.Join(", ", Namespaces)}] }}";
}
