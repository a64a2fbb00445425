namespace Orleans.Faas.Client;

/// <summary>When an invocation would finish on one provider, and whether the function may run there.</summary>
public sealed record ProviderPrediction
{
    public string Provider { get; init; } = "";

    public ProviderStatus Status { get; init; }

    /// <summary>The model's own run time there; null when the function has no profile to predict from.</summary>
    public double? PredictedRuntimeMs { get; init; }

    /// <summary>This silo's live correction of the model there, from recent runs of the function; 1 without one.</summary>
    public double Correction { get; init; } = 1;

    /// <summary>The run time the finish counts: the model's times <see cref="Correction"/>, else the assumed run time of an unprofiled function.</summary>
    public double ExpectedRuntimeMs { get; init; }

    /// <summary>How uncertain <see cref="ExpectedRuntimeMs"/> is, as a factor: about two runs in three take between it divided and multiplied by this.</summary>
    public double RuntimeSpread { get; init; } = 1;

    public double ExpectedWaitMs { get; init; }

    public double ColdStartMs { get; init; }

    public double ExpectedFinishMs { get; init; }

    /// <summary>It meets the function's runtime and label constraints.</summary>
    public bool Fits { get; init; }

    /// <summary>The constraints it does not meet.</summary>
    public IReadOnlyList<string> Unmet { get; init; } = [];
}
