using System.Collections.Concurrent;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Workers;

/// <summary>The runs in progress on this node, each with its own cancellation, so one can be stopped and waited for.</summary>
internal sealed class RunningAttempts
{
    private readonly ConcurrentDictionary<TaskAttempt, (CancellationTokenSource Cancel, Task Ended)> _runs = new();

    public async Task<T> Run<T>(TaskAttempt attempt, CancellationToken stopping, Func<CancellationToken, Task<T>> run)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _runs[attempt] = (cancel, ended.Task);
        try
        {
            return await run(cancel.Token);
        }
        finally
        {
            _runs.TryRemove(attempt, out _);
            ended.SetResult();
        }
    }

    /// <summary>Cancels the attempt's run, if it is running here, and waits up to <paramref name="patience"/> for it to end.</summary>
    public async Task Stop(TaskAttempt attempt, TimeSpan patience)
    {
        if (!_runs.TryGetValue(attempt, out var run))
            return;
        try
        {
            await run.Cancel.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // It ended on its own in the meantime.
        }
        await run.Ended.WaitAsync(patience);
    }
}
