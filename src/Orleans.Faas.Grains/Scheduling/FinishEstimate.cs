using MathNet.Numerics.Distributions;

namespace Orleans.Faas.Scheduling;

/// <summary>When a task placed on one provider is expected to finish, and what that expectation is made of.</summary>
/// <param name="PredictedMs">The model's run time; null when the function has no profile to predict from.</param>
/// <param name="LinearMs">The linear efficiency model's run time; null when the function has no profile.</param>
/// <param name="RuntimeMs">The run time the finish counts: the prediction times <paramref name="Correction"/>, else the assumed run time of an unprofiled function.</param>
/// <param name="WaitMs">The predicted work ahead of it there, over the provider's slots; 0 when a slot is free.</param>
/// <param name="ColdStartMs">The cost of a new container when none is idle there; otherwise 0.</param>
/// <param name="Correction">This silo's live correction of the model on the function there (<see cref="PredictionCorrections"/>); 1 without one.</param>
/// <param name="LogSpread">
/// The standard deviation of the log of the run time about <paramref name="RuntimeMs"/> (<see cref="PredictionCorrections.Spread"/>);
/// null from the linear first pass, which does not weigh it.
/// </param>
public readonly record struct FinishEstimate(
    double? PredictedMs,
    double? LinearMs,
    double RuntimeMs,
    double WaitMs,
    double ColdStartMs,
    int? ModelVersion,
    string? ModelKind,
    double Correction = 1,
    double? LogSpread = null)
{
    public double FinishMs => WaitMs + RuntimeMs + ColdStartMs;

    /// <summary>
    /// The chance that the task finishes within <paramref name="deadlineMs"/>: its run time taken as log-normal about
    /// <see cref="RuntimeMs"/> with <see cref="LogSpread"/>, the wait and cold start as expected.
    /// </summary>
    public double OnTimeProbability(double deadlineMs)
    {
        var left = deadlineMs - WaitMs - ColdStartMs;
        if (left <= 0)
            return 0;
        return LogSpread is > 0 and var spread ? LogNormal.CDF(Math.Log(RuntimeMs), spread, left) : left >= RuntimeMs ? 1 : 0;
    }
}
