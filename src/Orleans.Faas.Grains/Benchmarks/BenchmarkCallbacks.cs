using System.Text.Json;
using Orleans.Faas.Callbacks;
using Orleans.Faas.HttpModel.Json;

namespace Orleans.Faas.Benchmarks;

/// <summary>POSTs a finished job to its callback URL: unsigned, as a job belongs to no function, and retried for a short while.</summary>
public sealed class BenchmarkCallbacks(CallbackDelivery delivery, CallbackHandover handover, TimeProvider clock)
{
    public const string Delivered = "delivered";

    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    /// <returns><see cref="Delivered"/>, or why it was not.</returns>
    public async Task<string> Deliver(string url, BenchmarkSnapshot job)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(job, FaasJson.Options);
        try
        {
            var status = await delivery.Deliver(CallbackStatus.Pending(url, clock.GetUtcNow() + RetryFor), body, secret: null, _ => Task.CompletedTask, handover.Stopping);
            return status.Status == CallbackState.Delivered ? Delivered : $"failed: {status.LastError}";
        }
        catch (OperationCanceledException) when (handover.Stopping.IsCancellationRequested)
        {
            // A job's callback has no reminder to carry it on: a stopping silo gives it up rather than hold its stop.
            return "failed: the silo stopped while it was being delivered";
        }
    }
}
