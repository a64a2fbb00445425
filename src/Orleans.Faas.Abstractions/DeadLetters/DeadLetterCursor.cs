namespace Orleans.Faas.DeadLetters;

/// <summary>A dead letter's place in its list's order, newest first by failure time, then id; a page that ended there continues before it.</summary>
[GenerateSerializer, Immutable, Alias("faas.DeadLetterCursor")]
public sealed record DeadLetterCursor(
    [property: Id(0)] DateTimeOffset FailedAt,
    [property: Id(1)] Guid Id);
