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
/// <param name="Correction">The live correction the predicted run time was multiplied by, from recent runs of the function there; null with no prediction.</param>
/// <param name="RuntimeSpread">
/// How uncertain the corrected run time was, as a factor: about two runs in three take between the run time divided
/// and multiplied by it (the geometric standard deviation); null on decisions made before it was kept.
/// </param>
/// <param name="DeadlineMs">The time left until the invocation's deadline when it was placed; null without a deadline.</param>
/// <param name="OnTimeProbability">The chance, as predicted, that it finishes by the deadline there; null without a deadline.</param>
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
    [property: Id(9)] double? RunnerUpFinishMs,
    [property: Id(10)] double? Correction = null,
    [property: Id(11)] double? RuntimeSpread = null,
    [property: Id(12)] double? DeadlineMs = null,
    [property: Id(13)] double? OnTimeProbability = null);
