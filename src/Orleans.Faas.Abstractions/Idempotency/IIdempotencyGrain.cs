namespace Orleans.Faas.Idempotency;

/// <summary>One caller-chosen idempotency key of one function (keyed <c>FUNCTION/KEY</c>): the task it stands for, for a while.</summary>
[Alias("faas.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>
    /// The task the key stands for: the one claimed within the last <paramref name="window"/>, or else
    /// <paramref name="candidate"/>, which it stands for from now on. Persisted before it returns.
    /// </summary>
    [Alias("Claim")]
    Task<Guid> Claim(Guid candidate, TimeSpan window);
}
