namespace Orleans.Faas.Scheduling;

/// <summary>Why an attempt went where it did, kept on the task.</summary>
/// <param name="Policy">The policy that chose; null for a pinned task.</param>
/// <param name="ModelVersion">The model that predicted the run time: 0 for the linear efficiency model; null when the function has no profile to predict from.</param>
/// <param name="ModelKind">The model's learner, e.g. <c>fasttree</c> or <c>linear</c>; null with no prediction.</param>
/// <param name="PredictedRuntimeMs">The predicted run time on the chosen provider; null with no prediction.</param>
/// <param name="LinearRuntimeMs">The linear efficiency model's prediction for the same run, as a baseline; null when the function has no profile.</param>
/// <param name="ExpectedWaitMs">The predicted work ahead of the task on the provider, over its slots.</param>
/// <param name="ColdStartMs">The expected cost of a new container, when no warm one was idle; otherwise 0.</param>
/// <param name="ExpectedFinishMs">Wait + run time (the assumed one when nothing was predicted) + cold start.</param>
/// <param name="RunnerUp">The provider that came second; null when there was only one.</param>
/// <param name="RunnerUpFinishMs">Its expected finish.</param>
[GenerateSerializer, Immutable, Alias("faas.PlacementDecision")]
public sealed record PlacementDecision(
    [property: Id(0)] PlacementPolicyKind? Policy,
    [property: Id(1)] int? ModelVersion,
    [property: Id(2)] string? ModelKind,
    [property: Id(3)] double? PredictedRuntimeMs,
    [property: Id(4)] double? LinearRuntimeMs,
    [property: Id(5)] double ExpectedWaitMs,
    [property: Id(6)] double ColdStartMs,
    [property: Id(7)] double ExpectedFinishMs,
    [property: Id(8)] string? RunnerUp,
    [property: Id(9)] double? RunnerUpFinishMs);
