namespace Orleans.Faas.Gateway.Problems;

/// <summary>The request body could not be read as what the endpoint expects.</summary>
public sealed class MalformedRequestException(string message, Exception? innerException = null)
    : Exception(message, innerException);
