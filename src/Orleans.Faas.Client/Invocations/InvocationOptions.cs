namespace Orleans.Faas.Client;

/// <summary>How an invocation, or every task of a batch, is placed, and where its outcome is called back.</summary>
public sealed record InvocationOptions
{
    /// <summary>Pin the task to this provider: it fails instead of moving when that provider is lost.</summary>
    public string? Provider { get; init; }

    /// <summary>The size the function's work follows, when it is not the input's byte length.</summary>
    public long? InputSize { get; init; }

    /// <summary>Values of the function's declared features (<see cref="FunctionDefinition.Features"/>), by name.</summary>
    public IReadOnlyDictionary<string, double>? Features { get; init; }

    /// <summary>
    /// How soon after it is submitted the task should finish (sent as <c>?deadlineSeconds=</c>, more than 0, at most a
    /// day): placement prefers the provider most likely to make it over the earliest expected finish. A preference, not
    /// a limit: nothing is stopped when it passes. For a batch it counts from each task's own submission.
    /// </summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>
    /// Where the outcome is POSTed when the task (or, for a batch, every task) finished: absolute http or https,
    /// signed with the function's callback secret (check it with <see cref="CallbackSignature.IsValid"/>).
    /// </summary>
    public string? CallbackUrl { get; init; }

    /// <summary>
    /// Sent as the <c>Idempotency-Key</c> header: within the gateway's window the same key answers with the same task
    /// (or batch) instead of running the input again. When null, the client makes one per call with an input in memory,
    /// so its own retries never run an invocation or a batch twice; give one to make a call safe to repeat across processes.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
