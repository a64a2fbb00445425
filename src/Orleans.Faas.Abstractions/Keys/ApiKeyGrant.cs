using System.Collections.Immutable;

namespace Orleans.Faas.Keys;

/// <summary>What one API key allows, without its secret.</summary>
/// <param name="Namespaces">Where it may act (an admin acts everywhere); the first is where a request without <c>Faas-Namespace</c> acts.</param>
/// <param name="RateLimit">Its own request rate; null takes the gateway's default.</param>
[GenerateSerializer, Immutable, Alias("faas.ApiKeyGrant")]
public sealed record ApiKeyGrant(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ApiKeyRole Role,
    [property: Id(3)] ImmutableArray<string> Namespaces,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] KeyRateLimit? RateLimit = null);
