namespace Orleans.Faas.Idempotency;

/// <summary>An idempotency key came again with a request other than the one it was first used for; nothing was run.</summary>
[GenerateSerializer, Alias("faas.IdempotencyKeyReusedException")]
public sealed class IdempotencyKeyReusedException(Guid task)
    : Exception($"The Idempotency-Key was first used with another request body (for task '{task}'); a retry must send the same body, and a new request a new key.")
{
    [Id(0)]
    public Guid Task { get; } = task;
}
