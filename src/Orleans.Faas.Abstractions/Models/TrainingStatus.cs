namespace Orleans.Faas.Models;

/// <summary>Where the cluster's model training stands.</summary>
/// <param name="Running">A model is being trained now.</param>
/// <param name="LastFinishedAt">When the last training ended; null before the first.</param>
/// <param name="LastOutcome">What it ended with, in words: promoted, kept the incumbent, too few rows, or the error.</param>
/// <param name="NewRows">Completed runs in the history since the last training; training starts by itself at <c>Faas:Models:MinNewRows</c>.</param>
[GenerateSerializer, Immutable, Alias("faas.TrainingStatus")]
public sealed record TrainingStatus(
    [property: Id(0)] bool Running,
    [property: Id(1)] DateTimeOffset? LastFinishedAt,
    [property: Id(2)] string? LastOutcome,
    [property: Id(3)] int NewRows);
