using System.Collections.Immutable;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Predictions;

/// <summary>What placement expects of one provider for one invocation.</summary>
/// <param name="PredictedRuntimeMs">The model's own run time there; null when the function has no profile to predict from.</param>
/// <param name="ExpectedWaitMs">The predicted work ahead of it there, over the provider's slots.</param>
/// <param name="ColdStartMs">The cost of a new container there when none is idle; otherwise 0.</param>
/// <param name="ExpectedFinishMs">Wait + <paramref name="ExpectedRuntimeMs"/> + cold start: what the predictive policy minimises.</param>
/// <param name="Fits">The provider is ready, has the function's runtime and carries every label it requires.</param>
/// <param name="Unmet">Why it does not fit: the labels it lacks, or its status or runtime.</param>
/// <param name="Correction">This silo's live correction of the model there, from recent runs of the function; 1 without one.</param>
/// <param name="ExpectedRuntimeMs">The run time the finish counts: the model's times the correction, else the assumed run time of an unprofiled function.</param>
/// <param name="RuntimeSpread">
/// How uncertain that run time is, as a factor: about two runs in three take between it divided and multiplied by this
/// (the geometric standard deviation, from the recent runs' scatter and the model's own error).
/// </param>
[GenerateSerializer, Immutable, Alias("faas.ProviderPrediction")]
public sealed record ProviderPrediction(
    [property: Id(0)] string Provider,
    [property: Id(1)] ProviderStatus Status,
    [property: Id(2)] double? PredictedRuntimeMs,
    [property: Id(3)] double ExpectedWaitMs,
    [property: Id(4)] double ColdStartMs,
    [property: Id(5)] double ExpectedFinishMs,
    [property: Id(6)] bool Fits,
    [property: Id(7)] ImmutableArray<string> Unmet,
    [property: Id(8)] double Correction,
    [property: Id(9)] double ExpectedRuntimeMs,
    [property: Id(10)] double RuntimeSpread);
