namespace Orleans.Faas.Runtime.Runners;

/// <summary>The function could not be started: its runtime is unreachable, its image or program is missing.</summary>
/// <param name="runtimeUnreachable">The runtime itself (the Docker engine) did not answer, as opposed to refusing this function.</param>
public sealed class FunctionStartException(string message, Exception? innerException = null, bool runtimeUnreachable = false)
    : Exception(message, innerException)
{
    public bool RuntimeUnreachable { get; } = runtimeUnreachable;
}
