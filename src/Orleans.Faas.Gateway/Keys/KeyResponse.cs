using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Keys;

/// <summary>An API key as the API shows it: never its secret, except the whole key once, in the answer that created it.</summary>
/// <param name="Key">The key to send as <c>Authorization: Bearer</c>; only in the answer to <c>POST /v1/keys</c>.</param>
public sealed record KeyResponse(
    string Id,
    string Name,
    ApiKeyRole Role,
    ImmutableArray<string> Namespaces,
    DateTimeOffset CreatedAt,
    KeyRateLimitBody? RateLimit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null)
{
    public static KeyResponse From(ApiKeyGrant grant) => new(grant.Id, grant.Name, grant.Role, grant.Namespaces, grant.CreatedAt,
        grant.RateLimit is { } rate ? new KeyRateLimitBody(rate.PermitsPerSecond, rate.Burst) : null);
}
