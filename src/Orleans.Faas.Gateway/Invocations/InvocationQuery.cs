using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Invocations;

/// <summary>The query parameters every way of invoking takes: <c>?provider=</c>, <c>?inputSize=</c> and <c>?callbackUrl=</c>.</summary>
public static class InvocationQuery
{
    public const string Description = "?provider= pins the task to one provider (it fails instead of moving if that provider is lost); "
        + "?inputSize= declares the size the function's work follows, when it is not the input's byte length; "
        + "?callbackUrl= (absolute http or https) is POSTed the outcome when it finishes, signed with the function's callback secret "
        + "(X-Faas-Timestamp, and X-Faas-Signature: sha256=hex HMAC-SHA256 over \"{timestamp}.{body}\"), retried with backoff for Faas:Callbacks:RetryFor.";

    public static InvocationOptions Options(string? provider, long? inputSize, string? callbackUrl)
    {
        if (inputSize < 0)
            throw new InvalidQueryException("inputSize", "inputSize must not be negative.");
        return new InvocationOptions(provider, inputSize, Callback(callbackUrl));
    }

    /// <summary>The <c>?callbackUrl=</c> of anything that calls back when it ends: null, or an absolute http or https URL.</summary>
    public static string? Callback(string? callbackUrl) =>
        callbackUrl is not null && CallbackUrl.Problem(callbackUrl) is { } problem
            ? throw new InvalidQueryException("callbackUrl", problem)
            : callbackUrl;
}
