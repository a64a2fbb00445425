namespace Orleans.Faas.Cli.Errors;

/// <summary>The one place a failure becomes an exit code and a clear line on standard error.</summary>
internal static class ErrorReport
{
    public static bool Handles(Exception e) => e is CliException or FaasRequestException or OperationCanceledException or IOException or UnauthorizedAccessException;

    public static ExitCode Write(Exception e, IAnsiConsole error)
    {
        var exitCode = ExitCodeOf(e);
        if (exitCode == ExitCode.Cancelled)
            return exitCode;
        error.MarkupLineInterpolated($"[red]error:[/] {Describe(e)}");
        if (e is FaasRequestException { Problem.Errors: { Count: > 0 } fields })
        {
            foreach (var (field, messages) in fields)
                error.MarkupLineInterpolated($"  [yellow]{field}[/]: {string.Join(" ", messages)}");
        }
        return exitCode;
    }

    /// <summary>What went wrong in one line: the gateway's problem when it sent one, else the exception's own message.</summary>
    public static string Describe(Exception e) => e switch
    {
        FaasRequestException { IsFunctionFailure: true, Problem: { } problem } =>
            $"{Join(problem.Title, problem.Detail)} (reason: {problem.FailureReason}{(problem.TaskId is { } task ? $", task {task}" : "")})",
        FaasRequestException { Problem: { } problem, RetryAfter: var retryAfter } =>
            Join(problem.Title, problem.Detail) + (retryAfter is { } wait ? $" (try again in {Math.Ceiling(wait.TotalSeconds)} s)" : ""),
        _ => e.Message,
    };

    private static ExitCode ExitCodeOf(Exception e) => e switch
    {
        CliException cli => cli.ExitCode,
        FaasRequestException { IsFunctionFailure: true } => ExitCode.FunctionFailed,
        FaasRequestException { IsUnreachable: true } => ExitCode.Unreachable,
        FaasRequestException { IsNotFound: true } => ExitCode.NotFound,
        FaasRequestException => ExitCode.RequestFailed,
        OperationCanceledException => ExitCode.Cancelled,
        // A file named on the command line that cannot be read: the IOExceptions and UnauthorizedAccessExceptions left.
        _ => ExitCode.Usage,
    };

    // Titles are sentences ("The function failed."); the detail follows a colon instead of their full stop.
    private static string Join(string? title, string? detail) =>
        string.Join(": ", new[] { title?.TrimEnd('.'), detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
