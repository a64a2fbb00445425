using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Faas.HttpModel.Callbacks;
using Polly;
using Polly.Retry;

namespace Orleans.Faas.Callbacks;

/// <summary>
/// Delivers one outcome at least once: signed POSTs, retried with exponential backoff and jitter until a 2xx or the
/// deadline; a URL the policy refuses fails at once.
/// </summary>
public sealed class CallbackDelivery(CallbackSender sender, IOptions<CallbackOptions> options, TimeProvider clock)
{
    /// <param name="secret">The function's callback secret; null sends it unsigned (benchmark jobs belong to no function).</param>
    /// <param name="save">Called after every attempt with the status so far, for the owner to persist.</param>
    /// <returns>DELIVERED, or FAILED once the deadline passed or the policy refused the URL.</returns>
    public async Task<CallbackStatus> Deliver(CallbackStatus status, byte[] body, string? secret, Func<CallbackStatus, Task> save, CancellationToken cancellationToken)
    {
        // Polly continues on the thread pool after a backoff; the owner's state is saved back on its own scheduler.
        var owner = TaskScheduler.Current;
        var remaining = status.RetryUntil - clock.GetUtcNow();
        using var timeUp = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, clock);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeUp.Token);
        try
        {
            await Retries().ExecuteAsync(async token =>
            {
                var error = await sender.Post(status.Url, body, Headers(secret, body), token);
                status = error is null
                    ? status with { Status = CallbackState.Delivered, Attempts = status.Attempts + 1, LastError = null, DeliveredAt = clock.GetUtcNow() }
                    : status with { Attempts = status.Attempts + 1, LastError = error };
                var saved = status;
                await Task.Factory.StartNew(() => save(saved), CancellationToken.None, TaskCreationOptions.None, owner).Unwrap();
                return error;
            }, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline passed: the callback has failed.
        }
        catch (CallbackRefusedException refused)
        {
            status = status with { Attempts = status.Attempts + 1, LastError = refused.Message };
        }
        cancellationToken.ThrowIfCancellationRequested();
        return status.Status == CallbackState.Delivered
            ? status
            : status with { Status = CallbackState.Failed, LastError = status.LastError ?? "the deadline passed before any attempt" };
    }

    private ResiliencePipeline<string?> Retries() => new ResiliencePipelineBuilder<string?> { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions<string?>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is not null),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Value.FirstRetryDelay,
            MaxDelay = options.Value.MaxRetryDelay,
        })
        .Build();

    private IEnumerable<KeyValuePair<string, string>> Headers(string? secret, byte[] body)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        yield return new(CallbackSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        if (secret is not null)
            yield return new(CallbackSignature.SignatureHeader, CallbackSignature.Sign(secret, timestamp, body));
    }
}
