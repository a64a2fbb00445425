namespace Orleans.Faas.Gateway.Invocations;

/// <summary>How a caller that asked to wait for a result waits: in slices, each well inside Orleans' response timeout.</summary>
public static class SyncWait
{
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(10);

    /// <summary>Asks <paramref name="wait"/> (a grain's wait-until-finished) slice by slice until it answers finished or <paramref name="patience"/> ran out.</summary>
    public static async Task<T> Until<T>(Func<TimeSpan, Task<T>> wait, Func<T, bool> finished, TimeSpan patience, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + patience;
        T seen;
        do
        {
            seen = await wait(TimeSpan.FromTicks(Math.Min(Slice.Ticks, Math.Max(0, (deadline - clock.GetUtcNow()).Ticks))));
        }
        while (!finished(seen) && clock.GetUtcNow() < deadline && !ct.IsCancellationRequested);
        return seen;
    }
}
