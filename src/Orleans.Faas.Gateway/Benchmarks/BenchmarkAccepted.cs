using Orleans.Faas.Benchmarks;

namespace Orleans.Faas.Gateway.Benchmarks;

/// <summary>The 202 body of a started benchmark job: its id and where to follow it.</summary>
public sealed record BenchmarkAccepted(Guid BenchmarkId, BenchmarkStatus Status, string StatusUrl)
{
    public static string UrlOf(Guid id) => $"/v1/benchmarks/{id}";

    public static IResult For(BenchmarkSnapshot job) => Results.Accepted(UrlOf(job.Id), new BenchmarkAccepted(job.Id, job.Status, UrlOf(job.Id)));
}
