using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Orleans.Faas.Dashboard.SignIn;

/// <summary>
/// The dashboard's session: an authentication cookie whose ticket, encrypted by data protection, holds the API key the
/// user signed in with. The key reaches the server once, in the sign-in form's body, and never the page's scripts.
/// </summary>
public static class DashboardSignIn
{
    public const string Scheme = "FaasDashboard";
    public const string Policy = "FaasDashboard";
    public const string SignInPath = "/ui/signin";
    public const string SignOutPath = "/ui/signout";

    private const string KeyClaim = "faas:dashboard-key";

    internal static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "faas-dashboard";
        // The pages' live connection (/_blazor) and the framework's script live at the root, beside /ui.
        cookie.Cookie.Path = "/";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = SignInPath;
        cookie.LogoutPath = SignOutPath;
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
    }

    public static ClaimsPrincipal Principal(string key) => new(new ClaimsIdentity([new Claim(KeyClaim, key)], Scheme));

    /// <summary>The key the user signed in with; null when nobody signed in (an open gateway needs none).</summary>
    public static string? KeyOf(ClaimsPrincipal user) => user.FindFirst(KeyClaim)?.Value;

    /// <summary>Where to go after signing in: a page of the dashboard, never another site.</summary>
    public static string Return(string? returnUrl) =>
        returnUrl is { } url && url.StartsWith("/ui", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/ui";
}
