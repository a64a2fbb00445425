using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Dashboard.Components;
using Orleans.Faas.Dashboard.SignIn;

namespace Orleans.Faas.Dashboard;

/// <summary>
/// The web dashboard at <c>/ui</c> on a gateway's web host: server-rendered pages that read the cluster through the
/// gateway's own HTTP API with the signed-in user's key, never around it.
/// </summary>
public static class DashboardHosting
{
    /// <param name="gateway">The gateway's own address, which the dashboard calls as any client does.</param>
    public static void AddFaasDashboard(this WebApplicationBuilder builder, Uri gateway)
    {
        // The framework's script and this library's files are found through the build's manifest outside Development too:
        // the silo and the gateway run from their build output in tests and scripts, not only once published.
        builder.WebHost.UseStaticWebAssets();
        // Over a build's manifest, MapStaticAssets would also map a catch-all GET for files added after the build: the
        // gateway would then answer any POST to an unknown path 405 instead of 404.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication().AddCookie(DashboardSignIn.Scheme, DashboardSignIn.ConfigureCookie);
        builder.Services.AddAuthorizationBuilder().AddPolicy(DashboardSignIn.Policy, policy => policy
            .AddAuthenticationSchemes(DashboardSignIn.Scheme)
            .AddRequirements(new SignedInOrOpen()));
        builder.Services.AddSingleton<IAuthorizationHandler, SignedInOrOpen.Handler>();
        builder.Services.AddHttpClient(GatewayClients.HttpClientName, http =>
        {
            http.BaseAddress = new Uri(gateway.AbsoluteUri.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        // Each page reads every two seconds; a line per request would drown the node's log.
        builder.Logging.AddFilter($"System.Net.Http.HttpClient.{GatewayClients.HttpClientName}", LogLevel.Warning);
        builder.Services.AddSingleton<OwnCalls>();
        builder.Services.AddSingleton<GatewayClients>();
        builder.Services.AddScoped<DashboardSession>();
    }

    /// <summary>Maps the pages, their live connection, their files and sign-out; call after authentication and authorization.</summary>
    public static void MapFaasDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(DashboardSignIn.Policy);
        app.MapPost(DashboardSignIn.SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest();
            await context.SignOutAsync(DashboardSignIn.Scheme);
            return Results.LocalRedirect(DashboardSignIn.SignInPath);
        }).RequireAuthorization(DashboardSignIn.Policy).ExcludeFromDescription();
    }
}
