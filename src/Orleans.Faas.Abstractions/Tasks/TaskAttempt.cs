namespace Orleans.Faas.Tasks;

/// <summary>One attempt of one task: what a provider keeps track of while the attempt is its to run.</summary>
[GenerateSerializer, Immutable, Alias("faas.TaskAttempt")]
public sealed record TaskAttempt(
    [property: Id(0)] Guid TaskId,
    [property: Id(1)] int Attempt);
