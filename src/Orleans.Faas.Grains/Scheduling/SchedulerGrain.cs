using Microsoft.Extensions.Logging;
using Orleans.Faas.Providers;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// Places attempts one at a time: ranks the ready providers that can run the function (or takes the one it is pinned
/// to) and hands the attempt to the first whose worker takes it; an unreachable one is skipped for the next.
/// </summary>
public sealed partial class SchedulerGrain(PlacementPolicy policy, ILogger<SchedulerGrain> logger)
    : Grain, ISchedulerGrain
{
    public async Task<string> Dispatch(TaskAssignment assignment)
    {
        var runtime = assignment.Function.Definition.Runtime;
        var providers = await GrainFactory.ReadProviders();
        var candidates = assignment.PinnedProvider is { } pinned
            ? [PinnedProviders.Ready(providers.FirstOrDefault(p => p.Id == pinned) ?? throw new ProviderNotFoundException(pinned), runtime)]
            : providers.Where(p => p.Status == ProviderStatus.Ready && p.Runtimes.Contains(runtime)).ToList();
        if (candidates.Count == 0)
            throw new NoProviderAvailableException(runtime);

        var request = new PlacementRequest(assignment.Function, assignment.Input.Length);
        foreach (var provider in policy.Rank(request, candidates))
        {
            try
            {
                await GrainFactory.GetGrain<IWorkerGrain>(provider.Id).Enqueue(assignment);
                return provider.Id;
            }
            catch (Exception e) when (e is ProviderSiloUnavailableException or SiloUnavailableException or TimeoutException)
            {
                LogProviderUnreachable(e, provider.Id, assignment.TaskId);
                if (assignment.PinnedProvider is not null)
                    throw new PinnedProviderUnavailableException(provider.Id, provider.Status, $"its worker could not be reached ({e.Message}).");
            }
        }

        throw new NoProviderAvailableException(runtime);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId} could not take task {TaskId}; trying the next one")]
    private partial void LogProviderUnreachable(Exception exception, string providerId, Guid taskId);
}
