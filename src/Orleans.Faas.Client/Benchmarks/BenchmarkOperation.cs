namespace Orleans.Faas.Client;

/// <summary>A benchmark job (providers, a profile or a workload), followed until it ends.</summary>
public class BenchmarkOperation : FaasOperation<BenchmarkJob>
{
    /// <summary>How often a job is read while waiting without an interval; jobs take seconds to minutes, and the gateway has no long poll for them.</summary>
    public static readonly TimeSpan DefaultPollingInterval = TimeSpan.FromSeconds(2);

    internal BenchmarkOperation(FaasClient client, Guid id)
        : base(client, id)
    {
    }

    /// <summary>For mocking.</summary>
    protected BenchmarkOperation()
    {
    }

    /// <summary>Stops the job: its runs stop, its containers are removed, and it fails as cancelled.</summary>
    public virtual async Task<BenchmarkJob> CancelAsync(CancellationToken cancellationToken = default) =>
        Keep(await Client.CancelBenchmarkAsync(Id, cancellationToken));

    private protected override bool HasEnded(BenchmarkJob latest) => latest.IsFinished;

    private protected override Task<BenchmarkJob> ReadAsync(CancellationToken cancellationToken) =>
        Client.GetBenchmarkAsync(Id, cancellationToken);

    /// <summary>A read every <see cref="DefaultPollingInterval"/>.</summary>
    private protected override Task<BenchmarkJob> ReadWhileWaitingAsync(CancellationToken cancellationToken) =>
        ReadAfterAsync(DefaultPollingInterval, cancellationToken);
}
