namespace Orleans.Faas.Client;

/// <summary>How delivering a finished task's or batch's outcome to its callback URL goes.</summary>
public sealed record CallbackDelivery
{
    public string Url { get; init; } = "";

    public CallbackState Status { get; init; }

    /// <summary>POSTs made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the last attempt did not deliver.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>When delivery is given up.</summary>
    public DateTimeOffset RetryUntil { get; init; }
}
