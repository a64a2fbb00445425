using Orleans.Faas.Scheduling;
using Polly;
using Polly.Retry;

namespace Orleans.Faas.Resilience;

public static class ClusterCalls
{
    /// <summary>
    /// For grain calls that must not be given up when a silo has just died: until membership declares it dead,
    /// calls to grains that lived there fail or time out, and after that they reach a new activation.
    /// About 25 seconds in all, more than failure detection takes.
    /// </summary>
    public static readonly ResiliencePipeline ThroughSiloLoss =
        Backoff(new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>(), attempts: 8, maxDelay: TimeSpan.FromSeconds(5));

    /// <summary>
    /// For a worker's reports to its task, which must arrive: as <see cref="ThroughSiloLoss"/>, and also while the
    /// task cannot store the transition (its database is away; the task stays as stored and refuses the change).
    /// About two and a half minutes in all; after that the task's watchdog places the attempt again.
    /// </summary>
    public static readonly ResiliencePipeline ThroughOutage =
        OutageBackoff(new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException));

    /// <summary>
    /// For work the platform carries on by itself (a chain run's steps): as long as <see cref="ThroughOutage"/>, but only
    /// while the failure is passing (<see cref="StorageOutage.IsPassing"/>); any other failure is the work's own.
    /// </summary>
    public static readonly ResiliencePipeline WhileOutagePasses = OutageBackoff(new PredicateBuilder().Handle<Exception>(StorageOutage.IsPassing));

    /// <summary>
    /// For a submission the platform makes on someone's behalf after it acknowledged them (a chain's step, a benchmark's
    /// run): while every queue that could take it is full, it waits as long as the refusal says and offers it again.
    /// </summary>
    public static readonly ResiliencePipeline UntilAdmitted = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<QueueFullException>(),
            MaxRetryAttempts = int.MaxValue,
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                args.Outcome.Exception is QueueFullException full ? TimeSpan.FromSeconds(full.RetryAfterSeconds) : null),
        })
        .Build();

    private static ResiliencePipeline OutageBackoff(PredicateBuilder<object> handle) => Backoff(handle, attempts: 20, maxDelay: TimeSpan.FromSeconds(10));

    /// <summary>Tries again after what <paramref name="handle"/> matches, from half a second up, doubling to <paramref name="maxDelay"/>.</summary>
    private static ResiliencePipeline Backoff(PredicateBuilder<object> handle, int attempts, TimeSpan maxDelay) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = handle,
            MaxRetryAttempts = attempts,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = maxDelay,
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();
}
