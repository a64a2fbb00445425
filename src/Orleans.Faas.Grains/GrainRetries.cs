using Orleans.Faas.Resilience;
using Polly;

namespace Orleans.Faas;

/// <summary>
/// Runs a retry pipeline (<see cref="ClusterCalls"/>) within a grain's turn: every try stays on the grain's scheduler.
/// Polly otherwise goes on after a delay on the thread pool, where a grain may not use its runtime (its grain factory).
/// </summary>
public static class GrainRetries
{
    public static async Task<T> ExecuteInGrain<T>(this ResiliencePipeline pipeline, Func<Task<T>> call)
    {
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);
        try
        {
            return await pipeline.ExecuteAsync(async _ => await call(), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public static Task ExecuteInGrain(this ResiliencePipeline pipeline, Func<Task> call) =>
        pipeline.ExecuteInGrain(async () =>
        {
            await call();
            return true;
        });
}
