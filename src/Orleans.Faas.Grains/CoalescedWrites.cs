namespace Orleans.Faas;

/// <summary>
/// Persists a grain's state for interleaved changes: a write asked for while another is under way waits for it, then
/// covers every change made meanwhile. Writes never overlap, and a burst of changes costs two writes, not one each.
/// </summary>
public sealed class CoalescedWrites(Func<Task> write)
{
    private Task _writing = Task.CompletedTask;
    private Task? _queued;

    /// <summary>Completes once a write that began after this call has finished.</summary>
    public Task Write() => _queued ??= WriteAfter(_writing);

    private async Task WriteAfter(Task previous)
    {
        // Lets Write() remember this as the queued write before it starts.
        await Task.Yield();
        // The earlier write's own callers saw how it went.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        _writing = _queued!;
        _queued = null;
        await write();
    }
}
