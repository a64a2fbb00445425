using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>
/// A function's <c>retry</c> policy: runs in all (maxAttempts, required), the delay before the first retry
/// (backoffSeconds, default 1), doubled for each further one up to maxBackoffSeconds (default 300, or the backoff if more), each drawn from
/// [d/2, d]; and which failures are retried (on; without it, every non-zero exit code, timeout and exception).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RetryBody(int? MaxAttempts, double? BackoffSeconds, double? MaxBackoffSeconds, RetryOnBody? On)
{
    public RetryPolicy ToPolicy()
    {
        var backoff = BackoffSeconds is { } seconds ? Seconds(seconds) : RetryPolicy.DefaultBackoff;
        // A backoff above the default cap, without a cap of its own, is its own cap.
        var maxBackoff = MaxBackoffSeconds is { } maxSeconds ? Seconds(maxSeconds) : TimeSpan.FromTicks(Math.Max(RetryPolicy.DefaultMaxBackoff.Ticks, backoff.Ticks));
        return new(MaxAttempts ?? 0, backoff, maxBackoff, On?.ToRetryOn());
    }

    public static RetryBody? From(RetryPolicy? policy) => policy is null
        ? null
        : new(policy.MaxAttempts, policy.Backoff.TotalSeconds, policy.MaxBackoff.TotalSeconds, RetryOnBody.From(policy.On));

    // Seconds TimeSpan cannot hold become a negative span, which validation rejects with the allowed range in its message.
    private static TimeSpan Seconds(double seconds) =>
        seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromTicks(-1);
}

/// <summary>The failures a retry policy retries: these exit codes, a timeout when true, these Python exception types.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RetryOnBody(IReadOnlyList<int>? ExitCodes, bool? Timeout, IReadOnlyList<string>? ExceptionTypes)
{
    public RetryOn ToRetryOn() => new(ExitCodes?.ToImmutableArray() ?? [], Timeout ?? false, ExceptionTypes?.ToImmutableArray() ?? []);

    public static RetryOnBody? From(RetryOn? on) => on is null ? null : new(on.ExitCodes, on.Timeout, on.ExceptionTypes);
}
