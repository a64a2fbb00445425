namespace Orleans.Faas.Cli.Tasks;

/// <summary>Following a task to its end, and what its end means for the exit code.</summary>
internal static class TaskOutcome
{
    public static Task<FaasTask> Finish(CliSession cli, InvocationOperation operation, CancellationToken cancellationToken) =>
        cli.Spinner($"waiting for task {operation.Id}", () => operation.WaitForCompletionAsync(cancellationToken));

    /// <summary>A FAILED task ends faas as a failed function, with the reason on standard error.</summary>
    public static void EnsureCompleted(FaasTask task)
    {
        if (task.Status == TaskState.Failed)
            throw new CliException(ExitCode.FunctionFailed, $"task {task.Id} of {task.Function} failed: {task.FailureReason}{(task.Error is { Length: > 0 } error ? $" ({error})" : "")}");
    }
}
