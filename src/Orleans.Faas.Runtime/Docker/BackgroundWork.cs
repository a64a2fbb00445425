namespace Orleans.Faas.Runtime.Docker;

/// <summary>Work its starter does not wait for, each piece tracked until it ends so that its owner can wait for all that is left when it stops.</summary>
internal sealed class BackgroundWork
{
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();

    public void Start(Task work)
    {
        lock (_gate)
            _running.Add(work);
        work.ContinueWith(Ended, TaskScheduler.Default);
    }

    /// <summary>Ends when all work started so far has ended.</summary>
    public Task WhenAll()
    {
        lock (_gate)
            return Task.WhenAll(_running);
    }

    private void Ended(Task work)
    {
        lock (_gate)
            _running.Remove(work);
    }
}
