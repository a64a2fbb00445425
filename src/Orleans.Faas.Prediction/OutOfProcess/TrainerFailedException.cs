namespace Orleans.Faas.Prediction.OutOfProcess;

/// <summary>The trainer child process exited with an error.</summary>
public sealed class TrainerFailedException(int exitCode, IReadOnlyList<string> errorTail)
    : Exception($"The model trainer exited with code {exitCode}: {string.Join(Environment.NewLine, errorTail)}")
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The last lines the child wrote to its standard error.</summary>
    public IReadOnlyList<string> ErrorTail { get; } = errorTail;
}
