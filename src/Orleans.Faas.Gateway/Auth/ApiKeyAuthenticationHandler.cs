using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> and asks the key's grain whether it stands; answers 401 and 403 as
/// problems. What a key was is never repeated back, nor logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GatewayAccess access, IGrainFactory grains, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
            return await access.IsOpen() ? Success(Caller.Anonymous) : AuthenticateResult.NoResult();
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");

        var key = authorization[Bearer.Length..].Trim();
        if (access.IsConfiguredAdminKey(key))
            return Success(Caller.ConfiguredAdmin);
        if (ApiKeySecret.TryParse(key, out var id, out var secretHash)
            && await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await grains.GetGrain<IApiKeyGrain>(id).Authenticate(secretHash)) is { } grant)
            return Success(Caller.Of(grant));
        return AuthenticateResult.Fail("The key is not valid: it is mistyped, revoked or was never issued.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Write(StatusCodes.Status401Unauthorized, "An API key is required.",
            failure ?? "Send a key as 'Authorization: Bearer <key>'; an admin creates keys with POST /v1/keys.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(StatusCodes.Status403Forbidden, "The key's role may not do this.",
            $"A key with role '{Caller.From(Context.User)?.Role.ToString().ToLowerInvariant()}' may not {Request.Method} {Request.Path}.");

    private AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));

    private async Task Write(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = ProblemCatalog.Problem(status, title, detail) });
    }
}
