namespace Orleans.Faas.Runtime.Runners;

/// <summary>
/// Where a run's output goes: the head of stdout is the result; stderr and the stdout beyond the result limit are the
/// logs, each capped to its tail behind a truncation marker.
/// </summary>
internal sealed class RunCapture
{
    private readonly LogTail _overflow;

    public RunCapture(RunnerOptions options)
    {
        _overflow = new LogTail(options.MaxLogBytes, "stdout beyond the result limit");
        Stdout = new CappedOutput(options.MaxOutputBytes, _overflow);
        Stderr = new LogTail(options.MaxLogBytes);
    }

    public CappedOutput Stdout { get; }

    public LogTail Stderr { get; }

    public string Logs() => _overflow.IsEmpty
        ? Stderr.ToString()
        : $"{Stderr}{(Stderr.IsEmpty ? "" : "\n")}[stdout beyond the result limit]\n{_overflow}";
}
