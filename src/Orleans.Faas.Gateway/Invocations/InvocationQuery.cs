using System.Globalization;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.Gateway.Invocations;

/// <summary>
/// The query parameters every way of invoking takes: <c>?provider=</c>, <c>?inputSize=</c>, <c>?features=</c>,
/// <c>?deadlineSeconds=</c> and <c>?callbackUrl=</c>.
/// </summary>
public static class InvocationQuery
{
    public const string Description = "?provider= pins the task to one provider (it fails instead of moving if that provider is lost); "
        + "?inputSize= declares the size the function's work follows, when it is not the input's byte length; "
        + FeatureQuery.Description + " "
        + DeadlineDescription + " "
        + "?callbackUrl= (absolute http or https) is POSTed the outcome when it finishes, signed with the function's callback secret "
        + "(X-Faas-Timestamp, and X-Faas-Signature: sha256=hex HMAC-SHA256 over \"{timestamp}.{body}\"), retried with backoff for Faas:Callbacks:RetryFor. "
        + CallbackReach;

    public const string DeadlineDescription = "?deadlineSeconds= (more than 0, at most 86400) asks for the task to finish within that many seconds of "
        + "its submission: placement then prefers the provider with the highest predicted chance of finishing by then (the run time's spread "
        + "from its recent runs there and the model's error) over the earliest expected finish, and the earliest expected finish when none can; "
        + "the task's placement shows the chance and the time left. It is a preference, not a limit: nothing is stopped when it passes. "
        + "It is weighed by the predictive policy, which the others do not consult.";

    /// <summary>Where a callback may not go, for every endpoint that takes one.</summary>
    public const string CallbackReach = "A callback reaches no internal address (loopback, link-local, private, the platform's own hosts) "
        + "unless the operator allows it (Faas:Callbacks:AllowedHosts, AllowedNetworks), and follows no redirect.";

    public static InvocationOptions Options(string? provider, long? inputSize, string? features, string? deadlineSeconds, string? callbackUrl, CallbackUrlPolicy callbacks)
    {
        if (inputSize < 0)
            throw new InvalidQueryException("inputSize", "inputSize must not be negative.");
        return new InvocationOptions(provider, inputSize, Callback(callbackUrl, callbacks), FeatureQuery.Parse(features), Deadline(deadlineSeconds));
    }

    /// <summary>
    /// The <c>?deadlineSeconds=</c>: null, or more than 0 seconds and no longer than the longest function timeout. Read
    /// here rather than bound as a number, so that one that is not a number is refused naming it too.
    /// </summary>
    private static TimeSpan? Deadline(string? seconds) =>
        seconds is null ? null
        : double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= FunctionDefinitionValidator.MaxTimeout.TotalSeconds
            ? TimeSpan.FromSeconds(value)
            : throw new InvalidQueryException("deadlineSeconds", $"deadlineSeconds must be a number of seconds more than 0 and at most {FunctionDefinitionValidator.MaxTimeout.TotalSeconds}.");

    /// <summary>The <c>?callbackUrl=</c> of anything that calls back when it ends: null, or a URL the policy accepts as written.</summary>
    public static string? Callback(string? callbackUrl, CallbackUrlPolicy callbacks) =>
        callbackUrl is not null && callbacks.Problem(callbackUrl) is { } problem
            ? throw new InvalidQueryException("callbackUrl", problem)
            : callbackUrl;
}
