using Microsoft.Extensions.Logging;
using Orleans.Faas.Providers;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// Places attempts one at a time, so each decision sees the load the previous one added.
/// A provider whose worker cannot be reached is skipped and the next best is tried.
/// </summary>
public sealed partial class SchedulerGrain(PlacementPolicy policy, ILogger<SchedulerGrain> logger)
    : Grain, ISchedulerGrain
{
    public async Task<string> Dispatch(TaskAssignment assignment)
    {
        var runtime = assignment.Function.Definition.Runtime;
        var candidates = (await GrainFactory.ReadProviders())
            .Where(p => p.Status == ProviderStatus.Ready && p.Runtimes.Contains(runtime))
            .ToList();
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
            }
        }

        throw new NoProviderAvailableException(runtime);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId} could not take task {TaskId}; trying the next one")]
    private partial void LogProviderUnreachable(Exception exception, string providerId, Guid taskId);
}
