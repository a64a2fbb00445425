namespace Orleans.Faas.Workers;

/// <summary>An attempt a node's worker holds: waiting in its queue or running in one of its slots.</summary>
/// <param name="Function">The function's qualified name.</param>
/// <param name="Since">When it joined the queue, or, when <paramref name="Running"/>, when it took its slot.</param>
[GenerateSerializer, Immutable, Alias("faas.HeldAttempt")]
public sealed record HeldAttempt(
    [property: Id(0)] Guid TaskId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string Function,
    [property: Id(3)] int FunctionVersion,
    [property: Id(4)] bool Running,
    [property: Id(5)] DateTimeOffset Since);
