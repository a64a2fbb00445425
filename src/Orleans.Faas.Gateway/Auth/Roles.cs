using Microsoft.AspNetCore.Authorization;
using Orleans.Faas.Hosting;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>One authorization policy per role, each met by that role and every role above it.</summary>
public static class Roles
{
    public static string Policy(ApiKeyRole role) => Caller.RoleName(role);

    /// <param name="protectMetrics">Whether <c>/metrics</c> is for admins alone, rather than for anyone.</param>
    public static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization, bool protectMetrics)
    {
        foreach (var role in Enum.GetValues<ApiKeyRole>())
            authorization.AddPolicy(Policy(role), Requirement(role));
        authorization.AddPolicy(FaasDefaults.MetricsPolicy, protectMetrics
            ? Requirement(ApiKeyRole.Admin)
            : new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build());
        // What matches no route (a 404, 405 or 415 to be) needs a key of any role, so its holder hears the real answer.
        return authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>A route of <paramref name="api"/> that nobody gave a role to, or let anyone call, is for admins: forgetting is safe.</summary>
    public static void DefaultToAdmin(this IEndpointConventionBuilder api) =>
        api.Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
                endpoint.Metadata.Add(new AuthorizeAttribute(Policy(ApiKeyRole.Admin)));
        });

    /// <summary>The route needs a key of <paramref name="role"/> or above.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder endpoints, ApiKeyRole role)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(Policy(role));

    // Roles are declared most powerful first, so a role is met by itself and every role declared before it.
    private static AuthorizationPolicy Requirement(ApiKeyRole role) => new AuthorizationPolicyBuilder()
        .RequireRole(Enum.GetValues<ApiKeyRole>().Where(r => r <= role).Select(Caller.RoleName))
        .Build();
}
