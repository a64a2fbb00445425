using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Orleans.Faas.Testing;

/// <summary>Waits for a condition by asking again until it holds, instead of sleeping for a guessed time.</summary>
/// <remarks>One file, compiled into each test project, so that every wait fails the same way: naming what was awaited
/// and what was last seen.</remarks>
public static class Poll
{
    /// <summary>Between two reads: short beside any patience, long enough not to keep a silo busy answering.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads until <paramref name="done"/> holds of what was read, and returns that.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="patience"/>; says what and the last value read.</exception>
    public static Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan patience, string what, TimeSpan? interval = null) =>
        Until(read, done, patience, what, interval, value => $" Last seen: {Describe(value)}");

    /// <summary>Asks until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="patience"/>; says what.</exception>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience, string what, TimeSpan? interval = null) =>
        Until(condition, held => held, patience, what, interval, _ => "");

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan, string, TimeSpan?)"/>
    public static Task UntilAsync(Func<bool> condition, TimeSpan patience, string what, TimeSpan? interval = null) =>
        UntilAsync(() => Task.FromResult(condition()), patience, what, interval);

    /// <summary>Runs <paramref name="check"/> again and again for the whole of <paramref name="during"/>: for what must
    /// keep holding, not become true.</summary>
    public static async Task ThroughoutAsync(Func<Task> check, TimeSpan during, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            await check();
            await Task.Delay(interval ?? Interval);
        }
        while (clock.Elapsed < during);
    }

    private static string? Describe(object? value) => value switch
    {
        JsonNode node => node.ToJsonString(),
        string text => text,
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Describe))}]",
        _ => value?.ToString(),
    };

    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan patience, string what, TimeSpan? interval, Func<T, string> lastSeen)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (clock.Elapsed > patience)
                throw new TimeoutException($"Not within {patience}: {what}.{lastSeen(value)}");
            await Task.Delay(interval ?? Interval);
        }
    }
}
