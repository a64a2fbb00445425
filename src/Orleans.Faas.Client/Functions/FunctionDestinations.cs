namespace Orleans.Faas.Client;

/// <summary>
/// Where a function's finished tasks go next: each outcome (task id, status, output or error, input) becomes the
/// input of a function or chain of the same namespace, delivered at least once and run once.
/// </summary>
public sealed record FunctionDestinations
{
    /// <summary>Invoked with a task that COMPLETED.</summary>
    public FunctionDestination? OnSuccess { get; init; }

    /// <summary>Invoked with a task that ended FAILED.</summary>
    public FunctionDestination? OnFailure { get; init; }
}

/// <summary>A function or a chain by its name within the namespace: set exactly one.</summary>
public sealed record FunctionDestination
{
    public string? Function { get; init; }

    public string? Chain { get; init; }
}
