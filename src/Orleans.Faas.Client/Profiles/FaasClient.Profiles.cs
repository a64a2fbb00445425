namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Starts profiling a function on the reference provider: a benchmark job, so 409 while another holds the slot.</summary>
    public virtual async Task<BenchmarkOperation> StartProfileAsync(string function, ProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accepted = await Pipeline.PostJson<BenchmarkAccepted>($"v1/functions/{Escape(function)}/profile", request, cancellationToken);
        return GetBenchmarkOperation(accepted.BenchmarkId);
    }

    /// <summary>Every profiled (or, without a profile, observed) input size of a function, and its cache need.</summary>
    public virtual Task<FunctionProfile> GetProfileAsync(string function, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<FunctionProfile>($"v1/functions/{Escape(function)}/profile", cancellationToken);

    /// <summary>The expected cost of a function at one input size; 404 while it has no profile.</summary>
    public virtual Task<ProfileEstimate> EstimateAsync(string function, long inputSize, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<ProfileEstimate>(RequestPath.With($"v1/functions/{Escape(function)}/profile", ("inputSize", inputSize)), cancellationToken);
}
