using System.Collections.Immutable;

namespace Orleans.Faas.Models;

/// <summary>The cluster's runtime models: which is current, every recent version with its metrics, training, and the live error.</summary>
/// <param name="Current">The version placement predicts with; null while the linear efficiency model answers.</param>
[GenerateSerializer, Immutable, Alias("faas.ModelsOverview")]
public sealed record ModelsOverview(
    [property: Id(0)] int? Current,
    [property: Id(1)] ImmutableArray<ModelVersionInfo> Versions,
    [property: Id(2)] TrainingStatus Training,
    [property: Id(3)] ImmutableArray<LiveError> LiveErrors);
