namespace Orleans.Faas.Benchmarks.Training;

/// <summary>What <c>GET /v1/models</c> says of the training, and how many runs the newest model version was trained on.</summary>
/// <param name="LatestTrainingRows">Null before any version was trained.</param>
public sealed record TrainingState(bool Running, DateTimeOffset? LastFinishedAt, string? LastOutcome, int? LatestTrainingRows)
{
    public static readonly TrainingState Unknown = new(false, null, null, null);
}
