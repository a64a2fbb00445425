namespace Orleans.Faas.Cli.Errors;

/// <summary>A failure faas itself found (a bad stack file, a task that failed), with the exit code it ends with.</summary>
internal sealed class CliException(ExitCode exitCode, string message) : Exception(message)
{
    public ExitCode ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCode.Usage, message);
}
