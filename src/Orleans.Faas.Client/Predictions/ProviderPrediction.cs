namespace Orleans.Faas.Client;

/// <summary>When an invocation would finish on one provider, and whether the function may run there.</summary>
public sealed record ProviderPrediction
{
    public string Provider { get; init; } = "";

    public ProviderStatus Status { get; init; }

    /// <summary>Null when the provider cannot run it at all.</summary>
    public double? PredictedRuntimeMs { get; init; }

    public double ExpectedWaitMs { get; init; }

    public double ColdStartMs { get; init; }

    public double ExpectedFinishMs { get; init; }

    /// <summary>It meets the function's runtime and label constraints.</summary>
    public bool Fits { get; init; }

    /// <summary>The constraints it does not meet.</summary>
    public IReadOnlyList<string> Unmet { get; init; } = [];
}
