namespace Orleans.Faas.Client;

/// <summary>An asynchronous invocation: its task, followed until it finishes, then its result and logs.</summary>
public class InvocationOperation : FaasOperation<FaasTask>
{
    internal InvocationOperation(FaasClient client, Guid id)
        : base(client, id)
    {
    }

    /// <summary>For mocking.</summary>
    protected InvocationOperation()
    {
    }

    /// <summary>Stops the task; it fails with reason <c>cancelled</c>.</summary>
    public virtual async Task<FaasTask> CancelAsync(CancellationToken cancellationToken = default) =>
        Keep(await Client.CancelTaskAsync(Id, cancellationToken));

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

    private protected override bool HasEnded(FaasTask latest) => latest.IsFinished;

    private protected override Task<FaasTask> ReadAsync(CancellationToken cancellationToken) =>
        Client.GetTaskAsync(Id, cancellationToken);

    /// <summary>A long poll the gateway holds open until the task finishes, completed or failed.</summary>
    private protected override Task<FaasTask> ReadWhileWaitingAsync(CancellationToken cancellationToken) =>
        Client.WaitForTaskAsync(Id, FaasClient.MaxTaskWait, cancellationToken);
}
