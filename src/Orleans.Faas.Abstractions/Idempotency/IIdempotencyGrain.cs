using Orleans.Faas.Retention;

namespace Orleans.Faas.Idempotency;

/// <summary>
/// One caller-chosen idempotency key of one function, keyed by a digest of <c>FUNCTION/KEY</c>: the task it stands for,
/// for a while. Deleted once that while is over (<see cref="IExpiring"/>).
/// </summary>
[Alias("faas.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithGuidKey, IExpiring
{
    /// <summary>
    /// The task the key stands for: the one claimed within the last <paramref name="window"/> (at most the tasks'
    /// retention, so the key never outlives its task), or else <paramref name="candidate"/>, which it stands for from
    /// now on. Persisted before it returns.
    /// </summary>
    /// <param name="requestDigest">A digest of the request's body, which a retry with the key must match.</param>
    /// <exception cref="IdempotencyKeyReusedException">The key was claimed for a request with another body.</exception>
    [Alias("ClaimForRequest")]
    Task<Guid> Claim(Guid candidate, TimeSpan window, byte[] requestDigest);
}
