namespace Orleans.Faas.Client;

/// <summary>A named sequence of functions, each step's output the next one's input.</summary>
public record ChainDefinition
{
    /// <summary>1-63 of a-z, 0-9 and '-', as a function's name.</summary>
    public required string Name { get; init; }

    /// <summary>At least one; the functions must be registered when a run starts.</summary>
    public IReadOnlyList<ChainStep> Steps { get; init; } = [];
}
