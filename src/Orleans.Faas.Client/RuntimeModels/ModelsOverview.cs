namespace Orleans.Faas.Client;

/// <summary>The runtime models: the current version, recent versions, training, and live error.</summary>
public sealed record ModelsOverview
{
    /// <summary>The current version; null while the linear efficiency model answers.</summary>
    public int? Current { get; init; }

    public IReadOnlyList<ModelVersionInfo> Versions { get; init; } = [];

    public TrainingStatus Training { get; init; } = new();

    public IReadOnlyList<LiveError> LiveErrors { get; init; } = [];
}
