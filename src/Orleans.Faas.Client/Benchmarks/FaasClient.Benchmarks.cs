namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>
    /// Starts a benchmark job. One job runs at a time per cluster: while another holds the slot this throws 409 with
    /// <see cref="FaasRequestException.RetryAfter"/> saying how long it is expected to take.
    /// </summary>
    public virtual async Task<BenchmarkOperation> StartBenchmarkAsync(BenchmarkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accepted = await Pipeline.PostJson<BenchmarkAccepted>("v1/benchmarks", request, cancellationToken);
        return GetBenchmarkOperation(accepted.BenchmarkId);
    }

    /// <summary>The latest benchmark jobs, newest first.</summary>
    public virtual Task<IReadOnlyList<BenchmarkJob>> ListBenchmarksAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<BenchmarkJob>>("v1/benchmarks", cancellationToken);

    public virtual Task<BenchmarkJob> GetBenchmarkAsync(Guid id, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<BenchmarkJob>($"v1/benchmarks/{id}", cancellationToken);

    /// <summary>Stops a job; 409 when it had already ended.</summary>
    public virtual Task<BenchmarkJob> CancelBenchmarkAsync(Guid id, CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<BenchmarkJob>($"v1/benchmarks/{id}/cancel", null, cancellationToken);

    /// <summary>An operation following a job started earlier.</summary>
    public virtual BenchmarkOperation GetBenchmarkOperation(Guid id) => new(this, id);
}
