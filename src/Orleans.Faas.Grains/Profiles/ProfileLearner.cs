using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Functions;
using Orleans.Faas.History;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Profiles;

/// <summary>
/// Feeds completed runs into their functions' profiles every few seconds, one call per function. Wall times are scaled
/// to the reference provider (times the provider's CPU efficiency, as this silo's provider view scores it), so runs anywhere speak of the same function; CPU
/// time, memory, IO and cache figures are kept as measured. Runs on a provider without scores are left out.
/// </summary>
public sealed partial class ProfileLearner(ProfileObservations observations, ProviderView view, IGrainFactory grains, TimeProvider clock, ILogger<ProfileLearner> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await LearnFrom(observations.TakeAll());
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping; what was not learnt yet is dropped, as the profile only follows trends.
        }
    }

    private async Task LearnFrom(List<ExecutionRecord> executions)
    {
        if (executions.Count == 0)
            return;
        try
        {
            var speed = view.Providers.Where(p => p.IsReference || p.Scores is not null)
                .ToDictionary(p => p.Id, p => p.IsReference ? 1.0 : p.Scores!.CpuEfficiency);
            var byFunction = executions.Where(e => speed.ContainsKey(e.Provider)).GroupBy(e => e.Function);
            foreach (var function in byFunction)
                await grains.GetGrain<IFunctionGrain>(function.Key).Observe([.. function.Select(e => AtReferenceSpeed(e, speed[e.Provider]))]);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogLearningFailed(e, executions.Count);
        }
    }

    private static ExecutionSample AtReferenceSpeed(ExecutionRecord e, double efficiency) => new(
        e.InputSize ?? e.InputBytes, e.WallMs * efficiency, e.CpuMs, e.PeakMemoryBytes, e.ReadBytes, e.WriteBytes, e.LlcReferences, e.LlcMisses,
        e.FunctionVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Profiles: {Count} completed runs could not be learnt from; they are dropped")]
    private partial void LogLearningFailed(Exception exception, int count);
}
