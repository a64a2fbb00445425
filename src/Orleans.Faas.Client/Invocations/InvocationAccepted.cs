namespace Orleans.Faas.Client;

/// <summary>The gateway's 202 answer to an invocation: the task it made.</summary>
internal sealed record InvocationAccepted(Guid TaskId, TaskState Status);
