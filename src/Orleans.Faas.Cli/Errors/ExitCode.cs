namespace Orleans.Faas.Cli.Errors;

/// <summary>How faas ends; scripts branch on these, so they never change meaning.</summary>
internal enum ExitCode
{
    Ok = 0,

    /// <summary>The function failed: an invocation, a task waited for, a map item, or a benchmark job.</summary>
    FunctionFailed = 1,

    /// <summary>The command line, a stack file or the configuration is wrong.</summary>
    Usage = 2,

    /// <summary>The gateway does not know the function, task, provider or job.</summary>
    NotFound = 3,

    /// <summary>The gateway did not answer.</summary>
    Unreachable = 4,

    /// <summary>The gateway refused the request for another reason; its problem is on standard error.</summary>
    RequestFailed = 5,

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    Cancelled = 130,
}
