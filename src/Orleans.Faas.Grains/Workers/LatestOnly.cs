namespace Orleans.Faas.Workers;

/// <summary>
/// Sends something that only matters as of now, such as a load report, from any thread: one send at a time, and asks
/// that arrive while one is under way make a single send after it, of whatever is latest by then.
/// </summary>
internal sealed class LatestOnly(Func<Task> send)
{
    private int _asked;

    public void Ask()
    {
        if (Interlocked.Increment(ref _asked) == 1)
            _ = SendWhileAsked();
    }

    private async Task SendWhileAsked()
    {
        int answered;
        do
        {
            answered = Volatile.Read(ref _asked);
            await send();
        }
        while (Interlocked.Add(ref _asked, -answered) > 0);
    }
}
