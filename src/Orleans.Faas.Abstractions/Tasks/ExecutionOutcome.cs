namespace Orleans.Faas.Tasks;

/// <summary>What one run of a function produced, as the node's runner saw it.</summary>
/// <param name="ExitCode">The process exit code; null when it was killed before exiting on its own.</param>
/// <param name="Output">Standard output: the task's result.</param>
/// <param name="Logs">Standard error, capped to its tail, and standard output beyond the result limit.</param>
/// <param name="OutputTruncated">Standard output went past the node's result limit; only its head was kept.</param>
/// <param name="WallTime">How long the run itself took, from the request to its container's agent to the report; getting the container is in <see cref="Conditions"/>.</param>
/// <param name="Exception">The exception the function's code raised, as its type and message (python runtime); null when it raised none.</param>
/// <param name="LimitHit">The container limit the run ran into (<see cref="FailureReasons.OutOfMemory"/> or <see cref="FailureReasons.PidsLimit"/>), if any.</param>
[GenerateSerializer, Immutable, Alias("faas.ExecutionOutcome")]
public sealed record ExecutionOutcome(
    [property: Id(0)] int? ExitCode,
    [property: Id(1)] byte[] Output,
    [property: Id(2)] string Logs,
    [property: Id(3)] bool TimedOut,
    [property: Id(4)] TimeSpan WallTime,
    [property: Id(5)] bool OutputTruncated,
    [property: Id(6)] string? LimitHit = null,
    [property: Id(7)] ExecutionMetrics? Metrics = null,
    [property: Id(8)] RunConditions? Conditions = null,
    [property: Id(9)] string? Exception = null)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !OutputTruncated && LimitHit is null && Exception is null;
}
