namespace Orleans.Faas.Client;

/// <summary>
/// How a task whose function failed by itself is run again: <see cref="MaxAttempts"/> runs in all, the n-th retry after
/// a delay drawn from [d/2, d] with d = min(<see cref="MaxBackoffSeconds"/>, <see cref="BackoffSeconds"/> · 2^(n-1)).
/// </summary>
public sealed record FunctionRetry
{
    /// <summary>Runs in all, the first included; 1 to 20.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>The delay before the first retry, doubled for each further one; default 1.</summary>
    public double? BackoffSeconds { get; init; }

    /// <summary>The longest delay between two runs; default 300, or the backoff if more.</summary>
    public double? MaxBackoffSeconds { get; init; }

    /// <summary>Which failures are retried; null retries every non-zero exit code, timeout and exception.</summary>
    public RetryConditions? On { get; init; }
}

/// <summary>The failures a <see cref="FunctionRetry"/> retries; anything not listed ends the task.</summary>
public sealed record RetryConditions
{
    public IReadOnlyList<int>? ExitCodes { get; init; }

    /// <summary>Retry a run killed at the function's timeout.</summary>
    public bool? Timeout { get; init; }

    /// <summary>Python exception types, by name (<c>ValueError</c>) or with their module (<c>main.Busy</c>).</summary>
    public IReadOnlyList<string>? ExceptionTypes { get; init; }
}
