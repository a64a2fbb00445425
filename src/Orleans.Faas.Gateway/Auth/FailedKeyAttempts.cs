using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// Counts the requests whose key was not valid, per client address, with a token bucket each
/// (<see cref="AuthOptions.FailedKeys"/>): an address that has used up its bucket has its keys refused unread until it
/// refills, so guessing costs the cluster nothing more.
/// </summary>
public sealed class FailedKeyAttempts(IOptions<AuthOptions> auth) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = auth.Value.FailedKeys.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Refill(auth.Value.FailedKeys),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Whole seconds until an address that used up its bucket may try a key again.</summary>
    public double WaitSeconds { get; } = Math.Ceiling(Refill(auth.Value.FailedKeys).TotalSeconds);

    /// <summary>Whether the address has no failed attempt left, so its key is not to be checked.</summary>
    public bool IsExhausted(string address) => _buckets.GetStatistics(address)?.CurrentAvailablePermits is <= 0;

    public void Count(string address) => _buckets.AttemptAcquire(address).Dispose();

    public void Dispose() => _buckets.Dispose();

    private static TimeSpan Refill(FailedKeyLimitOptions limit) => TimeSpan.FromMinutes(1) / limit.PerMinute;
}
