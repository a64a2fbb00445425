namespace Orleans.Faas.Models;

/// <summary>One trained runtime model: its version, what it was trained on, and how it compared when it was evaluated.</summary>
/// <param name="Version">Increases by one with every model trained in the cluster, promoted or not.</param>
/// <param name="Kind">The learner, e.g. <c>fasttree</c>.</param>
/// <param name="Metrics">The model's own cross-validated error.</param>
/// <param name="Linear">The linear efficiency model's error on the same folds.</param>
/// <param name="Incumbent">The error, on the same folds, of the model that was current when this one was trained; null when there was none.</param>
/// <param name="Promoted">It beat the incumbent and the linear model, and became current.</param>
[GenerateSerializer, Immutable, Alias("faas.ModelVersionInfo")]
public sealed record ModelVersionInfo(
    [property: Id(0)] int Version,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset TrainedAt,
    [property: Id(3)] int TrainingRows,
    [property: Id(4)] ModelMetrics Metrics,
    [property: Id(5)] ModelMetrics Linear,
    [property: Id(6)] ModelMetrics? Incumbent,
    [property: Id(7)] bool Promoted);
