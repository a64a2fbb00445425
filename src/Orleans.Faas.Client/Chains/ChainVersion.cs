namespace Orleans.Faas.Client;

/// <summary>A defined version of a chain.</summary>
public sealed record ChainVersion : ChainDefinition
{
    /// <summary>1 for the first definition, one more for each definition that changed the steps.</summary>
    public int Version { get; init; }

    public DateTimeOffset DefinedAt { get; init; }

    /// <summary>The namespace it and its steps' functions belong to.</summary>
    public string Namespace { get; init; } = "default";
}
