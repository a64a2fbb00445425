namespace Orleans.Faas.Client;

/// <summary>How handing a finished task's outcome to its function's destination goes.</summary>
public sealed record DestinationHandover
{
    public FunctionDestination Target { get; init; } = new();

    /// <summary>The id of the task (or chain run) the outcome became.</summary>
    public Guid InvocationId { get; init; }

    public DestinationState Status { get; init; }

    /// <summary>Hand-overs tried so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the last one did not get through.</summary>
    public string? LastError { get; init; }
}

/// <summary>PENDING → DELIVERED, or FAILED when the destination is gone or refused the outcome.</summary>
public enum DestinationState
{
    Pending,
    Delivered,
    Failed,
}
