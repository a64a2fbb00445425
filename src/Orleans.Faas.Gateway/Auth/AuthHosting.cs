using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Hosting;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>API keys, roles and rates on a gateway, whether a silo hosts it or it stands alone.</summary>
public static partial class AuthHosting
{
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The gateway would listen beyond loopback with nobody checked.</exception>
    public static void AddFaasAuth(this WebApplicationBuilder builder, GatewayOptions gateway)
    {
        var auth = builder.Read<AuthOptions>(AuthOptions.Section);
        GatewayAccess.ThrowIfExposed(gateway, auth);

        builder.Services.AddSingleton<GatewayAccess>();
        builder.Services.AddSingleton<KnownKeyIds>();
        builder.Services.AddSingleton<FailedKeyAttempts>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddRolePolicies(auth.ProtectMetrics);
        builder.Services.AddRateLimiter(limiter => KeyRateLimiting.Configure(limiter, auth.RateLimit));
        builder.Services.AddHostedService<BootstrapAdminKey>();
    }

    public static void UseFaasAuth(this WebApplication app, GatewayOptions gateway)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (gateway.AllowAnonymous && !gateway.ListensOnLoopbackOnly)
            LogAnonymous(app.Logger, gateway.Url);
        // Before any key is looked at: what is refused here costs the cluster nothing.
        if (gateway.ListensOnLoopbackOnly && !auth.IsConfigured)
            app.Use(LoopbackHost.Refuse);
        app.Use(CrossSiteRequests.Refuse);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway on {Url} answers anyone who reaches it (Faas:Gateway:AllowAnonymous=true) until a key is stored; set Faas:Auth:AdminKey or Faas:Auth:Enabled to require keys.")]
    private static partial void LogAnonymous(ILogger logger, string url);
}
