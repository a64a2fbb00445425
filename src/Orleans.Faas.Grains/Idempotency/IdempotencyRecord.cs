namespace Orleans.Faas.Idempotency;

[GenerateSerializer, Alias("faas.IdempotencyRecord")]
public sealed class IdempotencyRecord
{
    [Id(0)]
    public Guid? TaskId { get; set; }

    [Id(1)]
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When the key stops standing for <see cref="TaskId"/>, and its record is deleted.</summary>
    [Id(2)]
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>A digest of the body of the request that claimed the key; null for a key claimed before digests were kept.</summary>
    [Id(3)]
    public byte[]? RequestDigest { get; set; }
}
