namespace Orleans.Faas.Client;

/// <summary>Where an invocation of one size would finish first: every provider, best first, and the model that answered.</summary>
public sealed record PredictionReport
{
    public string Function { get; init; } = "";

    public long InputSize { get; init; }

    /// <summary>0 for the linear efficiency model.</summary>
    public int ModelVersion { get; init; }

    public string ModelKind { get; init; } = "";

    /// <summary>Its cross-validated error; null for the linear model before any training compared it.</summary>
    public ModelMetrics? ModelMetrics { get; init; }

    /// <summary>True when the function has a profile; without one, run times are the platform's default guess.</summary>
    public bool Profiled { get; init; }

    public IReadOnlyList<ProviderPrediction> Providers { get; init; } = [];

    /// <summary>The declared features' values it predicted for.</summary>
    public IReadOnlyDictionary<string, double>? Features { get; init; }
}
