namespace Orleans.Faas.Tasks;

/// <summary>A task as callers see it: status, timing, placement and outcome, without the result bytes.</summary>
[GenerateSerializer, Immutable, Alias("faas.TaskSnapshot")]
public sealed record TaskSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Function,
    [property: Id(2)] int FunctionVersion,
    [property: Id(3)] TaskState Status,
    [property: Id(4)] string? Provider,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset QueuedAt,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt,
    [property: Id(9)] int? ExitCode,
    [property: Id(10)] string? FailureReason,
    [property: Id(11)] string? Error,
    [property: Id(12)] int InputBytes,
    [property: Id(13)] int ResultBytes)
{
    public bool IsFinished => Status is TaskState.Completed or TaskState.Failed;
}
