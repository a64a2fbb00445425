namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>The longest the gateway holds a task read open waiting for the task to finish.</summary>
    public static readonly TimeSpan MaxTaskWait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The namespace's tasks, one entry per attempt, at most <paramref name="limit"/> (1–1000): those its providers hold now
    /// (running, then queued in queue order), then the latest finished ones, newest first; optionally of one status,
    /// function and provider.
    /// </summary>
    public virtual Task<IReadOnlyList<TaskListEntry>> ListTasksAsync(
        TaskState? status = null, string? function = null, string? provider = null, int limit = 100, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<TaskListEntry>>(
            RequestPath.With("v1/tasks", ("status", status?.ToString().ToUpperInvariant()), ("function", function), ("provider", provider), ("limit", limit)),
            cancellationToken);

    /// <summary>A task's status, placement and cost; 404 when there is no such task.</summary>
    public virtual Task<FaasTask> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<FaasTask>($"v1/tasks/{taskId}", cancellationToken);

    /// <summary>
    /// The task once it finished, or as it is after <paramref name="wait"/> (at most <see cref="MaxTaskWait"/>): one
    /// request that the gateway holds open, not a poll.
    /// </summary>
    public virtual Task<FaasTask> WaitForTaskAsync(Guid taskId, TimeSpan wait, CancellationToken cancellationToken = default) =>
        LongPoll<FaasTask>($"v1/tasks/{taskId}", wait, cancellationToken);

    /// <summary>A completed task's output; 409 while it runs or when it failed (the problem names why).</summary>
    public virtual async Task<byte[]> GetTaskResultAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        using var response = await Pipeline.Send(new HttpRequestMessage(HttpMethod.Get, $"v1/tasks/{taskId}/result"), HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>A completed task's output as a stream, read as it arrives; dispose it.</summary>
    public virtual async Task<Stream> OpenTaskResultAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        var response = await Pipeline.Send(new HttpRequestMessage(HttpMethod.Get, $"v1/tasks/{taskId}/result"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    /// <summary>A finished task's logs: the tail of its standard error, then of any output beyond the result limit.</summary>
    public virtual async Task<string> GetTaskLogsAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        using var response = await Pipeline.Send(new HttpRequestMessage(HttpMethod.Get, $"v1/tasks/{taskId}/logs"), HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Stops a queued or running task: it fails with reason <c>cancelled</c>; 409 when it had already finished.</summary>
    public virtual Task<FaasTask> CancelTaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<FaasTask>($"v1/tasks/{taskId}/cancel", null, cancellationToken);

    /// <summary>An operation following a task started earlier, e.g. by another process that handed over its id.</summary>
    public virtual InvocationOperation GetInvocationOperation(Guid taskId) => new(this, taskId);
}
