namespace Orleans.Faas.Runtime.Docker;

/// <summary>A container's agent stopped answering mid-request or cannot be reached: the container is broken.</summary>
internal sealed class AgentLostException(string message, Exception innerException) : Exception(message, innerException);
