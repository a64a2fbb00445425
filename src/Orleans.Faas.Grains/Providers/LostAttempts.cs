using System.Collections.Immutable;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Providers;

public static class LostAttempts
{
    /// <summary>Hands each attempt lost with a provider back to its task, which places it again or fails it.</summary>
    public static Task PlaceAgain(this IGrainFactory grains, ImmutableArray<TaskAttempt> lost) =>
        Task.WhenAll(lost.Select(a => grains.GetGrain<ITaskGrain>(a.TaskId).RetryAfterProviderLoss(a.Attempt)));
}
