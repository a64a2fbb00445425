namespace Orleans.Faas.Scheduling;

/// <summary>When a task placed on one provider is expected to finish, and what that expectation is made of.</summary>
/// <param name="PredictedMs">The model's run time; null when the function has no profile to predict from.</param>
/// <param name="LinearMs">The linear efficiency model's run time; null when the function has no profile.</param>
/// <param name="RuntimeMs">The run time the finish counts: the prediction times <paramref name="Correction"/>, else the assumed run time of an unprofiled function.</param>
/// <param name="WaitMs">The predicted work ahead of it there, over the provider's slots; 0 when a slot is free.</param>
/// <param name="ColdStartMs">The cost of a new container when none is idle there; otherwise 0.</param>
/// <param name="Correction">This silo's live correction of the model on the function there (<see cref="PredictionCorrections"/>); 1 without one.</param>
public readonly record struct FinishEstimate(
    double? PredictedMs,
    double? LinearMs,
    double RuntimeMs,
    double WaitMs,
    double ColdStartMs,
    int? ModelVersion,
    string? ModelKind,
    double Correction = 1)
{
    public double FinishMs => WaitMs + RuntimeMs + ColdStartMs;
}
