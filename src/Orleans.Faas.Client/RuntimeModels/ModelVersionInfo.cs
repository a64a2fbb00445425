namespace Orleans.Faas.Client;

/// <summary>One trained runtime model and how it compared with the linear model and its incumbent on the same folds.</summary>
public sealed record ModelVersionInfo
{
    public int Version { get; init; }

    /// <summary>The learner, e.g. <c>fasttree</c>.</summary>
    public string Kind { get; init; } = "";

    public DateTimeOffset TrainedAt { get; init; }

    public int TrainingRows { get; init; }

    public ModelMetrics Metrics { get; init; } = new();

    public ModelMetrics Linear { get; init; } = new();

    /// <summary>Null when no model was current when it was trained.</summary>
    public ModelMetrics? Incumbent { get; init; }

    /// <summary>It beat the incumbent and the linear model, and became current.</summary>
    public bool Promoted { get; init; }
}
