using Orleans.Faas.Models;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// The runtime model trained on the history before any arrival run, so that every prediction the predictive run
/// makes with it is held out.
/// </summary>
/// <param name="Candidate">The version this training stored, promoted or not, as <c>GET /v1/models</c> lists it; null when it lists none.</param>
/// <param name="Current">The current version <c>GET /v1/models</c> names; null while the linear model answers.</param>
/// <param name="Outcome">What the trainer said the training ended with.</param>
public sealed record TrainedModel(ModelVersionInfo? Candidate, int? Current, string Outcome)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    // Every silo loads a newly promoted model within Faas:Models:RefreshInterval (10 s by default); the one that trained it at once.
    private static readonly TimeSpan ModelRefresh = TimeSpan.FromSeconds(12);

    public static async Task<TrainedModel> Train(FaasApi api)
    {
        var requestedAt = DateTimeOffset.UtcNow;
        await api.Train();
        var models = await Poll.UntilAsync(
            api.Models, models => !models.Training.Running && models.Training.LastFinishedAt >= requestedAt, Patience, "model training to finish",
            TimeSpan.FromSeconds(1));

        await Task.Delay(ModelRefresh);
        return new TrainedModel(
            models.Versions.Where(v => v.TrainedAt >= requestedAt).MaxBy(v => v.Version),
            models.Current,
            models.Training.LastOutcome ?? "nothing");
    }

    public override string ToString() => Candidate is { } candidate
        ? $"version {candidate.Version} {(candidate.Promoted ? "promoted" : "kept out")}, trained on {candidate.TrainingRows} runs; the trainer said: {Outcome}"
        : $"GET /v1/models lists no version from this training (current: {Current?.ToString() ?? "none"}); the trainer said: {Outcome}";
}
