using System.Collections.Immutable;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Functions;

/// <summary>
/// How a task whose function failed by itself is run again: up to <see cref="MaxAttempts"/> runs in all, the n-th
/// retry after a delay drawn from [d/2, d] with d = min(<see cref="MaxBackoff"/>, <see cref="Backoff"/> · 2^(n-1)).
/// Independent of <see cref="FunctionDefinition.MaxAttempts"/>, which counts placements of a run whose provider was lost.
/// </summary>
/// <param name="MaxAttempts">Runs of the function in all, the first included.</param>
/// <param name="Backoff">The delay before the first retry, doubled for each further one.</param>
/// <param name="MaxBackoff">The longest delay between two runs.</param>
/// <param name="On">Which failures are retried; null retries every failure of the function itself.</param>
[GenerateSerializer, Immutable, Alias("faas.RetryPolicy")]
public sealed record RetryPolicy(
    [property: Id(0)] int MaxAttempts,
    [property: Id(1)] TimeSpan Backoff,
    [property: Id(2)] TimeSpan MaxBackoff,
    [property: Id(3)] RetryOn? On = null)
{
    public static readonly TimeSpan DefaultBackoff = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan DefaultMaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The delay before run <paramref name="failedRuns"/> + 1, after <paramref name="failedRuns"/> failed ones;
    /// <paramref name="unit"/> in [0, 1) places it within its jitter range.
    /// </summary>
    public TimeSpan DelayAfter(int failedRuns, double unit)
    {
        // Doubling stops at the cap, so a long series neither overflows nor loses precision.
        var ceiling = Backoff;
        for (var i = 1; i < failedRuns && ceiling < MaxBackoff; i++)
            ceiling += ceiling;
        if (ceiling > MaxBackoff)
            ceiling = MaxBackoff;
        return ceiling / 2 + ceiling / 2 * unit;
    }

    /// <summary>Whether a run that failed with <paramref name="reason"/> is run again, runs left aside.</summary>
    public bool Covers(string reason, int? exitCode, string? exception) => On is { } on
        ? on.Covers(reason, exitCode, exception)
        : reason is FailureReasons.NonZeroExit or FailureReasons.Timeout or FailureReasons.Exception;

    /// <summary>Member by member, lists item by item (record equality compares them by reference).</summary>
    public static bool Same(RetryPolicy? a, RetryPolicy? b) =>
        a is null || b is null ? a == b : a with { On = null } == b with { On = null } && RetryOn.Same(a.On, b.On);
}

/// <summary>The failures a <see cref="RetryPolicy"/> retries; anything not listed ends the task.</summary>
/// <param name="ExitCodes">Exit codes whose runs are retried.</param>
/// <param name="Timeout">Whether a run killed at the function's timeout is retried.</param>
/// <param name="ExceptionTypes">Python exception types whose runs are retried, by name (<c>ValueError</c>) or with their module (<c>main.Busy</c>).</param>
[GenerateSerializer, Immutable, Alias("faas.RetryOn")]
public sealed record RetryOn(
    [property: Id(0)] ImmutableArray<int> ExitCodes,
    [property: Id(1)] bool Timeout,
    [property: Id(2)] ImmutableArray<string> ExceptionTypes)
{
    public bool Covers(string reason, int? exitCode, string? exception) => reason switch
    {
        FailureReasons.NonZeroExit => exitCode is { } code && ExitCodes.Contains(code),
        FailureReasons.Timeout => Timeout,
        FailureReasons.Exception => exception is not null && ExceptionTypes.Any(type => Raised(exception, type)),
        _ => false,
    };

    // The error of an exception is "Type: message", its type qualified by its module unless it is a builtin.
    private static bool Raised(string exception, string type)
    {
        var raised = exception.Split(':', 2)[0].Trim();
        return raised == type || raised.EndsWith("." + type, StringComparison.Ordinal);
    }

    public static bool Same(RetryOn? a, RetryOn? b) =>
        a is null || b is null ? a == b : a.Timeout == b.Timeout && a.ExitCodes.SequenceEqual(b.ExitCodes) && a.ExceptionTypes.SequenceEqual(b.ExceptionTypes);
}
