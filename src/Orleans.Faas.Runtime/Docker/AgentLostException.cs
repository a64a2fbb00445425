namespace Orleans.Faas.Runtime.Docker;

/// <summary>A container's agent cannot be reached or stopped answering mid-request: the container is broken.</summary>
/// <param name="beforeRequest">The agent was unreachable before it got the request, so the function never ran.</param>
internal sealed class AgentLostException(string message, Exception innerException, bool beforeRequest)
    : Exception(message, innerException)
{
    public bool BeforeRequest { get; } = beforeRequest;
}
