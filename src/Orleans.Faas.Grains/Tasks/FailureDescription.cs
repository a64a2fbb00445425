namespace Orleans.Faas.Tasks;

/// <summary>Turns an unsuccessful run into the reason and error text a caller reads on the task.</summary>
public static class FailureDescription
{
    private const int MaxLogTailInError = 1024;

    public static (string Reason, string Error) Of(ExecutionOutcome outcome, TimeSpan timeout)
    {
        if (outcome.TimedOut)
            return (FailureReasons.Timeout, $"The function ran longer than its timeout of {timeout.TotalSeconds:0.###} s and was killed.");
        if (outcome.LimitHit == FailureReasons.OutOfMemory)
            return (FailureReasons.OutOfMemory, "A process of the function went past the container's memory limit and was killed.");
        if (outcome.LimitHit == FailureReasons.PidsLimit)
            return (FailureReasons.PidsLimit, "The function tried to start more processes than the container's pids limit allows and was stopped.");
        if (outcome.OutputTruncated)
            return (FailureReasons.OutputTooLarge, "The function wrote more to standard output than the result limit allows.");
        if (outcome.Exception is { } exception)
            return (FailureReasons.Exception, exception);

        var tail = outcome.Logs.Length > MaxLogTailInError ? outcome.Logs[^MaxLogTailInError..] : outcome.Logs;
        var error = $"The function exited with code {outcome.ExitCode}.";
        return (FailureReasons.NonZeroExit, tail.Length == 0 ? error : $"{error} Standard error ends with: {tail.TrimEnd()}");
    }
}
