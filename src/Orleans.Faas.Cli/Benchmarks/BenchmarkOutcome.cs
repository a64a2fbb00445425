namespace Orleans.Faas.Cli.Benchmarks;

/// <summary>What starting a benchmark job shows: its id at once, or with <c>--wait</c> its progress and then the job.</summary>
internal static class BenchmarkOutcome
{
    public static async Task<ExitCode> Show(CliSession cli, BenchmarkOperation operation, bool wait, CancellationToken cancellationToken)
    {
        if (!wait)
        {
            Console.Out.WriteLine(operation.Id);
            return ExitCode.Ok;
        }
        cli.Error.WriteLine($"benchmark {operation.Id}");
        var job = await cli.Bar("running", report =>
            operation.WaitForCompletionAsync(progress: new Reporter(job => report(job.Done, job.Total)), cancellationToken: cancellationToken));
        cli.Show(job, BenchmarkViews.Details);
        return job.Status == BenchmarkStatus.Failed
            ? throw new CliException(ExitCode.FunctionFailed, $"benchmark {job.Id} failed: {job.Error}")
            : ExitCode.Ok;
    }

    // Progress<T> would post to the thread pool, where a late report could land after the bar is gone.
    private sealed class Reporter(Action<BenchmarkJob> report) : IProgress<BenchmarkJob>
    {
        public void Report(BenchmarkJob value) => report(value);
    }
}
