using Microsoft.AspNetCore.Authorization;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>One authorization policy per role, each met by that role and every role above it.</summary>
public static class Roles
{
    public static string Policy(ApiKeyRole role) => Caller.RoleName(role);

    public static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in Enum.GetValues<ApiKeyRole>())
            authorization.AddPolicy(Policy(role), Requirement(role));
        // A route nobody gave a role to is for admins: forgetting is safe.
        return authorization.SetFallbackPolicy(Requirement(ApiKeyRole.Admin));
    }

    /// <summary>The route needs a key of <paramref name="role"/> or above.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder endpoints, ApiKeyRole role)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(Policy(role));

    // Roles are declared most powerful first, so a role is met by itself and every role declared before it.
    private static AuthorizationPolicy Requirement(ApiKeyRole role) => new AuthorizationPolicyBuilder()
        .RequireRole(Enum.GetValues<ApiKeyRole>().Where(r => r <= role).Select(Caller.RoleName))
        .Build();
}
