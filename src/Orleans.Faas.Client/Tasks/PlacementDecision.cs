namespace Orleans.Faas.Client;

/// <summary>Why a task went where it went: the policy, the model, and the finish time it expected there and at the runner-up.</summary>
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
}
