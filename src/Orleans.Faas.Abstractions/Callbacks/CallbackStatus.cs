namespace Orleans.Faas.Callbacks;

/// <summary>How delivering an outcome to its callback URL went, kept on the task or batch that owns it.</summary>
/// <param name="Attempts">POSTs made so far.</param>
/// <param name="LastError">Why the last attempt did not deliver; null after a delivery or before any attempt.</param>
/// <param name="RetryUntil">When delivery is given up and the callback FAILS.</param>
[GenerateSerializer, Immutable, Alias("faas.CallbackStatus")]
public sealed record CallbackStatus(
    [property: Id(0)] string Url,
    [property: Id(1)] CallbackState Status,
    [property: Id(2)] int Attempts,
    [property: Id(3)] string? LastError,
    [property: Id(4)] DateTimeOffset? DeliveredAt,
    [property: Id(5)] DateTimeOffset RetryUntil)
{
    public static CallbackStatus Pending(string url, DateTimeOffset retryUntil) => new(url, CallbackState.Pending, 0, null, null, retryUntil);
}
