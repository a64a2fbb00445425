using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Json;

namespace Orleans.Faas.Benchmarks;

/// <summary>POSTs a finished job to its callback URL, through a client whose resilience handler retries transient failures.</summary>
public sealed partial class BenchmarkCallbacks(IHttpClientFactory clients, ILogger<BenchmarkCallbacks> logger)
{
    public const string ClientName = "faas-callbacks";

    public const string Delivered = "delivered";

    /// <returns><see cref="Delivered"/>, or why it was not.</returns>
    public async Task<string> Deliver(string url, BenchmarkSnapshot job)
    {
        try
        {
            using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, job, FaasJson.Options);
            if (response.IsSuccessStatusCode)
                return Delivered;
            LogRefused(job.Id, url, (int)response.StatusCode);
            return $"failed: the receiver answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException)
        {
            LogFailed(e, job.Id, url);
            return $"failed: {e.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark {BenchmarkId}: the callback to {Url} was answered {Status}")]
    private partial void LogRefused(Guid benchmarkId, string url, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark {BenchmarkId}: the callback to {Url} could not be delivered")]
    private partial void LogFailed(Exception exception, Guid benchmarkId, string url);
}
