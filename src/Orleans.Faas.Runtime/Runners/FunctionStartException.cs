namespace Orleans.Faas.Runtime.Runners;

/// <summary>The function could not be started: its runtime is unreachable, its image or program is missing.</summary>
public sealed class FunctionStartException(string message, Exception? innerException = null)
    : Exception(message, innerException);
