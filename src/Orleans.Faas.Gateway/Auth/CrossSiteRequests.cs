using Microsoft.Net.Http.Headers;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// Refuses (403) what a browser sends on behalf of a page of another site: any page may make a browser POST a form or
/// text/plain anywhere without asking first, so an open gateway would register and run its code. A browser names the
/// page's site in Sec-Fetch-Site and its origin in Origin; programs (curl, faas, the .NET client) send neither.
/// </summary>
public static class CrossSiteRequests
{
    private const string FetchSite = "Sec-Fetch-Site";

    public static async Task Refuse(HttpContext context, RequestDelegate next)
    {
        if (!IsCrossSite(context.Request))
        {
            await next(context);
            return;
        }
        await ProblemResponse.TryWriteAsync(context, ProblemCatalog.Problem(StatusCodes.Status403Forbidden,
            "The gateway does not answer requests from web pages of other sites.",
            "The browser said that a page of another origin sent this request. Open the gateway's own address, "
            + "or call it from a program (curl, faas, the .NET client)."));
    }

    /// <summary>Sec-Fetch-Site is cross-site or same-site (another port of the same host, another subdomain), or Origin is not the gateway's own.</summary>
    public static bool IsCrossSite(HttpRequest request) =>
        request.Headers[FetchSite].ToString() is "cross-site" or "same-site"
        || (request.Headers[HeaderNames.Origin].ToString() is { Length: > 0 } origin
            && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase));
}
