using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Orleans.Faas.Keys;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>Who sent a request, as the authentication handler established it, and where they may act.</summary>
/// <param name="KeyId">The key's id; null for a caller without a key on an open gateway.</param>
/// <param name="Namespaces">Where it may act, its default first; an admin acts in every namespace.</param>
/// <param name="RateLimit">Its own request rate; null takes the gateway's default.</param>
public sealed record Caller(string? KeyId, ApiKeyRole Role, ImmutableArray<string> Namespaces, KeyRateLimit? RateLimit = null)
{
    private const string KeyIdClaim = "faas:key";
    private const string NamespaceClaim = "faas:namespace";
    private const string RateClaim = "faas:rate";

    /// <summary>Anyone at all, on a gateway that runs open: an admin of every namespace.</summary>
    public static readonly Caller Anonymous = new(null, ApiKeyRole.Admin, [QualifiedName.DefaultNamespace]);

    /// <summary>Whoever holds <c>Faas:Auth:AdminKey</c>.</summary>
    public static readonly Caller ConfiguredAdmin = new("admin-key", ApiKeyRole.Admin, [QualifiedName.DefaultNamespace]);

    public static Caller Of(ApiKeyGrant grant) => new(grant.Id, grant.Role, grant.Namespaces, grant.RateLimit);

    /// <summary>The role names the authorization policies require, as the claims carry them.</summary>
    public static string RoleName(ApiKeyRole role) => role.ToString().ToLowerInvariant();

    public bool MayActIn(string @namespace) => Role == ApiKeyRole.Admin || Namespaces.Contains(@namespace);

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Role, RoleName(Role)), .. Namespaces.Select(ns => new Claim(NamespaceClaim, ns))];
        if (KeyId is not null)
            claims.Add(new(KeyIdClaim, KeyId));
        if (RateLimit is { } rate)
            claims.Add(new(RateClaim, $"{rate.PermitsPerSecond}/{rate.Burst}"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller a principal made by <see cref="ToPrincipal"/> stands for; null when the request was not authenticated.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirst(ClaimTypes.Role) is not { } role)
            return null;
        var rate = principal.FindFirst(RateClaim)?.Value.Split('/') is [var permits, var burst]
            ? new KeyRateLimit(int.Parse(permits, CultureInfo.InvariantCulture), int.Parse(burst, CultureInfo.InvariantCulture))
            : null;
        return new Caller(
            principal.FindFirst(KeyIdClaim)?.Value,
            Enum.Parse<ApiKeyRole>(role.Value, ignoreCase: true),
            [.. principal.FindAll(NamespaceClaim).Select(c => c.Value)],
            rate);
    }
}
