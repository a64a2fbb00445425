namespace Orleans.Faas.Client;

/// <summary>A batch: one task per input, counted by status.</summary>
public sealed record FaasBatch
{
    public Guid Id { get; init; }

    public string Function { get; init; } = "";

    public int FunctionVersion { get; init; }

    public BatchStatus Status { get; init; }

    /// <summary>True once every task completed or failed.</summary>
    public bool Finished { get; init; }

    public int Total { get; init; }

    public BatchCounts Counts { get; init; } = new(0, 0, 0, 0);

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How delivering the finished batch to its callback URL goes; null without one or before it finished.</summary>
    public CallbackDelivery? Callback { get; init; }

    /// <summary>The silo the batch was active on when it was read.</summary>
    public string? Host { get; init; }
}
