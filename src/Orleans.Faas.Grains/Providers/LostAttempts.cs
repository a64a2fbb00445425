using System.Collections.Immutable;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Providers;

public static class LostAttempts
{
    /// <summary>
    /// Hands each attempt lost with <paramref name="provider"/> back to its task, which places it again, fails it, or
    /// ignores it as stale; then the provider forgets it, so no handled attempt is handed back twice.
    /// </summary>
    public static Task PlaceAgain(this IGrainFactory grains, string provider, ImmutableArray<TaskAttempt> lost) =>
        Task.WhenAll(lost.Select(async a =>
        {
            await grains.GetGrain<ITaskGrain>(a.TaskId).RetryAfterProviderLoss(a.Attempt);
            await grains.GetGrain<IProviderGrain>(provider).Release(a);
        }));
}
