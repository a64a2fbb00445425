using System.Collections.Concurrent;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Workers;

/// <summary>
/// The runs on this node, each with its own cancellation, so one can be stopped and waited for. A run is registered
/// before its task is asked to start it: a stop that comes before it begins keeps it from beginning.
/// </summary>
internal sealed class RunningAttempts
{
    private readonly ConcurrentDictionary<TaskAttempt, Run> _runs = new();

    /// <summary>Registers the attempt's run, until the handle is disposed.</summary>
    public Run Register(TaskAttempt attempt, CancellationToken stopping)
    {
        var run = new Run(this, attempt, stopping);
        _runs[attempt] = run;
        return run;
    }

    /// <summary>Cancels the attempt's run, if it is registered here, and waits up to <paramref name="patience"/> for it to end if it began.</summary>
    public Task Stop(TaskAttempt attempt, TimeSpan patience) =>
        _runs.TryGetValue(attempt, out var run) ? run.Stop().WaitAsync(patience) : Task.CompletedTask;

    public sealed class Run(RunningAttempts runs, TaskAttempt attempt, CancellationToken stopping) : IDisposable
    {
        private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private bool _began;
        private bool _stopped;

        /// <exception cref="OperationCanceledException">The run was stopped before it began.</exception>
        public async Task<T> Start<T>(Func<CancellationToken, Task<T>> run)
        {
            lock (_lock)
            {
                if (_stopped)
                    throw new OperationCanceledException($"Attempt {attempt.Attempt} of task {attempt.TaskId} was stopped before it began.");
                _began = true;
            }
            try
            {
                return await run(_cancel.Token);
            }
            finally
            {
                _ended.TrySetResult();
            }
        }

        /// <returns>What to wait for: the run's end if it began, nothing if it never will.</returns>
        public Task Stop()
        {
            bool began;
            lock (_lock)
                (_stopped, began) = (true, _began);
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended on its own in the meantime.
            }
            return began ? _ended.Task : Task.CompletedTask;
        }

        public void Dispose()
        {
            runs._runs.TryRemove(new KeyValuePair<TaskAttempt, Run>(attempt, this));
            _ended.TrySetResult();
            _cancel.Dispose();
        }
    }
}
