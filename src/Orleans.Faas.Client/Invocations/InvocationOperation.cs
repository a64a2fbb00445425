namespace Orleans.Faas.Client;

/// <summary>An asynchronous invocation: its task, followed until it finishes, then its result and logs.</summary>
public class InvocationOperation : FaasOperation
{
    internal InvocationOperation(FaasClient client, Guid id)
        : base(client, id)
    {
    }

    /// <summary>For mocking.</summary>
    protected InvocationOperation()
    {
    }

    /// <summary>The task as last read; null before the first read.</summary>
    public virtual FaasTask? Task { get; private set; }

    public override bool HasCompleted => Task?.IsFinished == true;

    /// <summary>Reads the task once.</summary>
    public virtual async Task<FaasTask> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Task = await Client.GetTaskAsync(Id, cancellationToken);

    /// <summary>Waits until the task finishes, completed or failed, with long polls the gateway holds open.</summary>
    public virtual async Task<FaasTask> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        while (!HasCompleted)
            Task = await Client.WaitForTaskAsync(Id, FaasClient.MaxTaskWait, cancellationToken);
        return Task!;
    }

    /// <summary>Waits until the task finishes and returns its output; throws when it failed, with the reason in the problem.</summary>
    public virtual async Task<byte[]> GetResultAsync(CancellationToken cancellationToken = default)
    {
        await WaitForCompletionAsync(cancellationToken);
        return await Client.GetTaskResultAsync(Id, cancellationToken);
    }

    /// <summary>Waits until the task finishes and returns its logs.</summary>
    public virtual async Task<string> GetLogsAsync(CancellationToken cancellationToken = default)
    {
        await WaitForCompletionAsync(cancellationToken);
        return await Client.GetTaskLogsAsync(Id, cancellationToken);
    }

    /// <summary>Stops the task; it fails with reason <c>cancelled</c>.</summary>
    public virtual async Task<FaasTask> CancelAsync(CancellationToken cancellationToken = default) =>
        Task = await Client.CancelTaskAsync(Id, cancellationToken);
}
