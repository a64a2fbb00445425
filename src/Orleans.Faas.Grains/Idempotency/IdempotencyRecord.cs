namespace Orleans.Faas.Idempotency;

[GenerateSerializer, Alias("faas.IdempotencyRecord")]
public sealed class IdempotencyRecord
{
    [Id(0)]
    public Guid? TaskId { get; set; }

    [Id(1)]
    public DateTimeOffset ClaimedAt { get; set; }
}
