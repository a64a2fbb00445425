namespace Orleans.Faas.Client;

/// <summary>
/// A long-running operation in the shape of the Azure SDK's <c>Operation&lt;T&gt;</c>: read it with
/// <see cref="UpdateStatusAsync"/>, wait for it with <c>WaitForCompletionAsync</c>, then take its <see cref="Value"/>.
/// </summary>
/// <typeparam name="T">What it follows, as the gateway answers it: a task, a batch, a benchmark job, a chain run.</typeparam>
public abstract class FaasOperation<T> : FaasOperation
    where T : class
{
    private T? _latest;

    private protected FaasOperation(FaasClient client, Guid id)
        : base(client, id)
    {
    }

    /// <summary>For mocking.</summary>
    protected FaasOperation()
    {
    }

    /// <summary>True once a read showed it ended.</summary>
    public override bool HasCompleted => _latest is { } latest && HasEnded(latest);

    /// <summary>True once it completed: an ended task, batch, job or run is the value whether it succeeded or failed, and its status says which.</summary>
    public virtual bool HasValue => HasCompleted;

    /// <summary>What it follows as it ended; throws <see cref="InvalidOperationException"/> until <see cref="HasValue"/>.</summary>
    public virtual T Value => HasValue
        ? _latest!
        : throw new InvalidOperationException($"Operation {Id} has not completed: wait for it, or read how it is going with UpdateStatusAsync.");

    /// <summary>Reads it once and returns it as it is now, ended or not.</summary>
    public virtual async Task<T> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Keep(await ReadAsync(cancellationToken));

    /// <summary>Waits until it ends, the way its kind waits best (see <see cref="ReadWhileWaitingAsync"/>), and returns <see cref="Value"/>.</summary>
    public virtual Task<T> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(pollingInterval: null, progress: null, cancellationToken);

    /// <summary>Waits until it ends as <see cref="WaitForCompletionAsync(CancellationToken)"/> does, telling <paramref name="progress"/> what each read found.</summary>
    public virtual Task<T> WaitForCompletionAsync(IProgress<T> progress, CancellationToken cancellationToken = default) =>
        WaitAsync(pollingInterval: null, progress, cancellationToken);

    /// <summary>Reads it every <paramref name="pollingInterval"/> until it ends, and returns <see cref="Value"/>.</summary>
    public virtual Task<T> WaitForCompletionAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default) =>
        WaitAsync(pollingInterval, progress: null, cancellationToken);

    /// <summary>Reads it every <paramref name="pollingInterval"/> until it ends, telling <paramref name="progress"/> what each read found.</summary>
    public virtual Task<T> WaitForCompletionAsync(TimeSpan pollingInterval, IProgress<T> progress, CancellationToken cancellationToken = default) =>
        WaitAsync(pollingInterval, progress, cancellationToken);

    private protected abstract bool HasEnded(T latest);

    /// <summary>One plain read.</summary>
    private protected abstract Task<T> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The next read of a wait without a polling interval: a long poll where the gateway holds one open for the kind.</summary>
    private protected abstract Task<T> ReadWhileWaitingAsync(CancellationToken cancellationToken);

    /// <summary>A read <paramref name="interval"/> after the last one; the first read is at once.</summary>
    private protected async Task<T> ReadAfterAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        if (_latest is not null)
            await Task.Delay(interval, cancellationToken);
        return await UpdateStatusAsync(cancellationToken);
    }

    /// <summary>Remembers what a read found, for <see cref="HasCompleted"/> and <see cref="Value"/>.</summary>
    private protected T Keep(T latest) => _latest = latest;

    private async Task<T> WaitAsync(TimeSpan? pollingInterval, IProgress<T>? progress, CancellationToken cancellationToken)
    {
        while (!HasCompleted)
        {
            var latest = pollingInterval is { } interval
                ? await ReadAfterAsync(interval, cancellationToken)
                : Keep(await ReadWhileWaitingAsync(cancellationToken));
            progress?.Report(latest);
        }
        return Value;
    }
}
