namespace Orleans.Faas.History;

/// <summary>Which execution records to read: newest first, optionally only one function and/or one provider.</summary>
[GenerateSerializer, Immutable, Alias("faas.ExecutionQuery")]
public sealed record ExecutionQuery(
    [property: Id(0)] string? Function,
    [property: Id(1)] string? Provider,
    [property: Id(2)] int Limit);
