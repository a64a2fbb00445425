using Orleans.Faas.Scheduling;
using Polly;
using Polly.Retry;

namespace Orleans.Faas;

public static class ClusterCalls
{
    /// <summary>
    /// For grain calls that must not be given up when a silo has just died: until membership declares it dead,
    /// calls to grains that lived there fail or time out, and after that they reach a new activation.
    /// About 25 seconds in all, more than failure detection takes.
    /// </summary>
    public static readonly ResiliencePipeline ThroughSiloLoss = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 8,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(5),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    /// <summary>
    /// For a worker's reports to its task, which must arrive: as <see cref="ThroughSiloLoss"/>, and also while the
    /// task cannot store the transition (its database is away; the task stays as stored and refuses the change).
    /// About two and a half minutes in all; after that the task's watchdog places the attempt again.
    /// </summary>
    public static readonly ResiliencePipeline ThroughOutage = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = 20,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(10),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

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
}
