namespace Orleans.Faas.Client;

/// <summary>A benchmark job (providers, a profile or a workload), followed until it ends.</summary>
public class BenchmarkOperation : FaasOperation
{
    /// <summary>How often a job is read while waiting; jobs take seconds to minutes, and the gateway has no long poll for them.</summary>
    public static readonly TimeSpan DefaultPollingInterval = TimeSpan.FromSeconds(2);

    internal BenchmarkOperation(FaasClient client, Guid id)
        : base(client, id)
    {
    }

    /// <summary>For mocking.</summary>
    protected BenchmarkOperation()
    {
    }

    /// <summary>The job as last read; null before the first read.</summary>
    public virtual BenchmarkJob? Job { get; private set; }

    public override bool HasCompleted => Job?.IsFinished == true;

    public virtual async Task<BenchmarkJob> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Job = await Client.GetBenchmarkAsync(Id, cancellationToken);

    /// <summary>Reads the job every <paramref name="pollingInterval"/> until it ends, telling <paramref name="progress"/> each time.</summary>
    public virtual async Task<BenchmarkJob> WaitForCompletionAsync(TimeSpan? pollingInterval = null, IProgress<BenchmarkJob>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var job = await UpdateStatusAsync(cancellationToken);
            progress?.Report(job);
            if (job.IsFinished)
                return job;
            await Task.Delay(pollingInterval ?? DefaultPollingInterval, cancellationToken);
        }
    }

    /// <summary>Stops the job: its runs stop, its containers are removed, and it fails as cancelled.</summary>
    public virtual async Task<BenchmarkJob> CancelAsync(CancellationToken cancellationToken = default) =>
        Job = await Client.CancelBenchmarkAsync(Id, cancellationToken);
}
