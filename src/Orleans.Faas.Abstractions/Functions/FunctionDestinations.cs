namespace Orleans.Faas.Functions;

/// <summary>
/// Where a function's finished tasks go next: each outcome (the task's id, status, output or error, and input) becomes
/// the input of a function or chain of the same namespace, delivered at least once and run once.
/// </summary>
/// <param name="OnSuccess">Invoked with a task that COMPLETED; null for none.</param>
/// <param name="OnFailure">Invoked with a task that ended FAILED; null for none.</param>
[GenerateSerializer, Immutable, Alias("faas.FunctionDestinations")]
public sealed record FunctionDestinations(
    [property: Id(0)] Destination? OnSuccess = null,
    [property: Id(1)] Destination? OnFailure = null);

/// <summary>A function or a chain, by its name within the namespace; exactly one of the two.</summary>
[GenerateSerializer, Immutable, Alias("faas.Destination")]
public sealed record Destination(
    [property: Id(0)] string? Function = null,
    [property: Id(1)] string? Chain = null)
{
    public override string ToString() => Function is { } function ? $"function '{function}'" : $"chain '{Chain}'";
}
