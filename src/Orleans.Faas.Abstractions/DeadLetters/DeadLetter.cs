using System.Collections.Immutable;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.DeadLetters;

/// <summary>
/// A task that ended FAILED after its function's retry policy, kept with its input until it is replayed or deleted.
/// Its id is the task's.
/// </summary>
/// <param name="Function">The function's qualified name.</param>
/// <param name="FunctionVersion">The version the task ran; a replay runs the function's latest.</param>
/// <param name="Runs">Every run of the task, oldest first, each with its reason; the last is the one it ended with.</param>
/// <param name="Batch">The batch the task was an item of, if any.</param>
[GenerateSerializer, Immutable, Alias("faas.DeadLetter")]
public sealed record DeadLetter(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Function,
    [property: Id(2)] int FunctionVersion,
    [property: Id(3)] DateTimeOffset FailedAt,
    [property: Id(4)] string? FailureReason,
    [property: Id(5)] string? Error,
    [property: Id(6)] byte[] Input,
    [property: Id(7)] ImmutableArray<TaskRun> Runs,
    [property: Id(8)] BatchMembership? Batch = null);
