namespace Orleans.Faas.Client;

/// <summary>Where the cluster's model training stands.</summary>
public sealed record TrainingStatus
{
    public bool Running { get; init; }

    public DateTimeOffset? LastFinishedAt { get; init; }

    /// <summary>What the last training ended with, in words: promoted, kept the incumbent, too few rows, or the error.</summary>
    public string? LastOutcome { get; init; }

    /// <summary>Completed runs in the history since the last training.</summary>
    public int NewRows { get; init; }
}
