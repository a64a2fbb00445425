using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orleans.Faas.Dashboard.SignIn;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Resilience;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> and asks the key's grain whether it stands, unless no key has that
/// id or the client address has used up its failed attempts; answers 401, 403 and 429 as problems. What a key was is
/// never repeated back, nor logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GatewayAccess access, KnownKeyIds knownKeys, FailedKeyAttempts failures, OwnCalls dashboard, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string Bearer = "Bearer ";

    /// <summary>
    /// Whom a refused key counts against: the client's address, but for the dashboard's own calls the browser whose
    /// sign-in it checks, and nobody for its other calls (their keys were checked at sign-in, from the browser's address).
    /// </summary>
    private string? FailureAddress => dashboard.IsOwn(Request)
        ? OwnCalls.BrowserOf(Request)
        : Context.Connection.RemoteIpAddress?.ToString() ?? "";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
            return await access.IsOpen() ? Success(Caller.Anonymous) : AuthenticateResult.NoResult();
        var failureAddress = FailureAddress;
        if (failureAddress is not null && failures.IsExhausted(failureAddress))
            return AuthenticateResult.Fail(new TooManyFailedKeysException());

        var caller = await Check(authorization);
        if (caller is null)
        {
            if (failureAddress is not null)
                failures.Count(failureAddress);
            return AuthenticateResult.Fail(authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                ? "The key is not valid: it is mistyped, revoked or was never issued."
                : "The Authorization header must be 'Bearer <key>'.");
        }
        return Success(caller);
    }

    /// <returns>Who holds the key in <paramref name="authorization"/>; null when it is not a valid key.</returns>
    private async Task<Caller?> Check(string authorization)
    {
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return null;
        var key = authorization[Bearer.Length..].Trim();
        if (access.IsConfiguredAdminKey(key))
            return Caller.ConfiguredAdmin;
        if (!ApiKeySecret.TryParse(key, out var id, out var secretHash) || !await knownKeys.MayExist(id))
            return null;
        return await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await grains.GetGrain<IApiKeyGrain>(id).Authenticate(secretHash)) is { } grant
            ? Caller.Of(grant)
            : null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        if (failure is TooManyFailedKeysException)
        {
            await ProblemResponse.TryWriteAsync(Context, ProblemCatalog.Retry(StatusCodes.Status429TooManyRequests,
                "Too many requests from this address brought a key that is not valid.",
                $"Keys from this address are not checked for {failures.WaitSeconds} s.", failures.WaitSeconds));
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await Write(StatusCodes.Status401Unauthorized, "An API key is required.",
            failure?.Message ?? "Send a key as 'Authorization: Bearer <key>'; an admin creates keys with POST /v1/keys.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(StatusCodes.Status403Forbidden, "The key's role may not do this.",
            $"A key with role '{Caller.From(Context.User)?.Role.ToString().ToLowerInvariant()}' may not {Request.Method} {Request.Path}.");

    private AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));

    private Task Write(int status, string title, string detail) => ProblemResponse.TryWriteAsync(Context, ProblemCatalog.Problem(status, title, detail));
}
