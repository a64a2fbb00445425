namespace Orleans.Faas.Tasks;

/// <summary>A task's status with its output bytes and logs, for callers that want the result itself.</summary>
[GenerateSerializer, Immutable, Alias("faas.TaskResult")]
public sealed record TaskResult(
    [property: Id(0)] TaskSnapshot Task,
    [property: Id(1)] byte[] Output,
    [property: Id(2)] string Logs);
