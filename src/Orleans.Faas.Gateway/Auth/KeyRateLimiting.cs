using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// A token bucket per key, on each gateway: the key's own rate, else <c>Faas:Auth:RateLimit</c>. A caller without a
/// key (an open gateway) is not limited. Over the rate, a 429 problem with Retry-After.
/// </summary>
public static class KeyRateLimiting
{
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions defaults)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            Caller.From(context.User) is { KeyId: { } key } caller && Rate(caller, defaults) is { PermitsPerSecond: > 0 } rate
                ? RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(rate))
                : RateLimitPartition.GetNoLimiter(""));
        limiter.OnRejected = Reject;
    }

    private static KeyRateLimit Rate(Caller caller, RateLimitOptions defaults) =>
        caller.RateLimit ?? new KeyRateLimit(defaults.PermitsPerSecond, defaults.Burst);

    private static TokenBucketRateLimiterOptions Bucket(KeyRateLimit rate) => new()
    {
        TokenLimit = rate.Burst > 0 ? rate.Burst : rate.PermitsPerSecond,
        TokensPerPeriod = rate.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, Math.Ceiling(after.TotalSeconds)) : 1;
        await ProblemResponse.TryWriteAsync(rejected.HttpContext, ProblemCatalog.Retry(StatusCodes.Status429TooManyRequests,
            "The key made more requests than its rate allows.", $"Try again in {wait} s.", wait));
    }
}
