namespace Orleans.Faas.Client;

/// <summary>Why a task went where it went: the policy, the model, the finish time it expected there and at the runner-up, and how sure it was.</summary>
public sealed record PlacementDecision
{
    /// <summary>The policy that chose; null for a pinned task.</summary>
    public PlacementPolicy? Policy { get; init; }

    public int? ModelVersion { get; init; }

    public string? ModelKind { get; init; }

    public double? PredictedRuntimeMs { get; init; }

    public double? LinearRuntimeMs { get; init; }

    public double ExpectedWaitMs { get; init; }

    public double ColdStartMs { get; init; }

    public double ExpectedFinishMs { get; init; }

    public string? RunnerUp { get; init; }

    public double? RunnerUpFinishMs { get; init; }

    /// <summary>The live correction the predicted run time was multiplied by, from recent runs of the function there; null with no prediction.</summary>
    public double? Correction { get; init; }

    /// <summary>How uncertain the corrected run time was, as a factor: about two runs in three take between the run time divided and multiplied by it.</summary>
    public double? RuntimeSpread { get; init; }

    /// <summary>The time left until the invocation's deadline when it was placed; null without a deadline.</summary>
    public double? DeadlineMs { get; init; }

    /// <summary>The predicted chance that it finishes by the deadline there; null without a deadline.</summary>
    public double? OnTimeProbability { get; init; }
}
