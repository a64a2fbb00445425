namespace Orleans.Faas.History;

/// <summary>
/// A record's place in the history's order, newest first by finish time, then task id, then attempt; a page that
/// ended at this record is continued by reading the records before it.
/// </summary>
[GenerateSerializer, Immutable, Alias("faas.ExecutionCursor")]
public sealed record ExecutionCursor(
    [property: Id(0)] DateTimeOffset FinishedAt,
    [property: Id(1)] Guid TaskId,
    [property: Id(2)] int Attempt);
