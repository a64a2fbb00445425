namespace Orleans.Faas.Tasks;

/// <summary>The short, stable reasons a task can fail with; callers match on these.</summary>
public static class FailureReasons
{
    /// <summary>The function ran and exited with a non-zero code.</summary>
    public const string NonZeroExit = "exit code";

    /// <summary>The function ran past its timeout and was killed.</summary>
    public const string Timeout = "timeout";

    /// <summary>A process of the function was killed for going past the container's memory limit.</summary>
    public const string OutOfMemory = "oom";

    /// <summary>The function tried to start more processes than the container's pids limit allows, and was stopped.</summary>
    public const string PidsLimit = "pids limit";

    /// <summary>The function's code raised an exception (python runtime); the error is its type and message, the logs its traceback.</summary>
    public const string Exception = "exception";

    /// <summary>The function wrote more to standard output than the result limit allows.</summary>
    public const string OutputTooLarge = "output too large";

    /// <summary>The node could not start the function (runtime missing, image missing, Docker down).</summary>
    public const string StartFailed = "start failed";

    /// <summary>The node's runtime (its Docker engine) did not answer, so the function never started.</summary>
    public const string RuntimeUnavailable = "runtime unavailable";

    /// <summary>A caller cancelled the task before it finished.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The task's provider was lost (its silo died or forgot the task) on the last allowed attempt.</summary>
    public const string ProviderLost = "provider lost";

    /// <summary>The node's runner broke while the function ran (e.g. its Docker engine went away).</summary>
    public const string RunnerError = "runner error";
}
