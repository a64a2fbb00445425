namespace Orleans.Faas.History;

/// <summary>
/// Which execution records to read: newest first, optionally only one function and/or one provider, and only those
/// after <paramref name="Before"/> in that order when it is given.
/// </summary>
[GenerateSerializer, Immutable, Alias("faas.ExecutionQuery")]
public sealed record ExecutionQuery(
    [property: Id(0)] string? Function,
    [property: Id(1)] string? Provider,
    [property: Id(2)] int Limit,
    [property: Id(3)] ExecutionCursor? Before = null);
