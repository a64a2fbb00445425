using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.History;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using Orleans.Faas.Telemetry;
using Orleans.Faas.Workers;

namespace Orleans.Faas;

public static class FaasGrainsSiloBuilderExtensions
{
    /// <summary>
    /// What every silo needs for the Orleans.Faas grains; storage, reminders and runners are the host's choice.
    /// The execution history stays in memory unless the host registered another one first.
    /// </summary>
    public static ISiloBuilder AddFaasGrains(this ISiloBuilder silo)
    {
        silo.AddPlacementDirector<ProviderSiloPlacement, ProviderSiloPlacementDirector>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<FaasMetrics>();
        silo.Services.TryAddSingleton<IExecutionHistory, InMemoryExecutionHistory>();
        silo.Services.AddSingleton<NodeWorker>();
        silo.Services.AddHostedService<ProviderLossWatcher>();
        silo.Services.AddSingleton<ProfileObservations>();
        silo.Services.AddHostedService<ProfileLearner>();
        silo.Services.AddSingleton<BenchmarkPlanner>();
        silo.Services.AddSingleton<BenchmarkRuns>();
        silo.Services.AddSingleton<BenchmarkCallbacks>();
        silo.Services.AddHttpClient(BenchmarkCallbacks.ClientName).AddStandardResilienceHandler();
        // Watchdog periods are a function's timeout plus grace, which can be far below Orleans' one-minute default floor.
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Services.TryAddSingleton<PlacementPolicy, LeastLoadedPolicy>();
        silo.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<TaskOptions>().BindConfiguration(TaskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return silo;
    }
}
