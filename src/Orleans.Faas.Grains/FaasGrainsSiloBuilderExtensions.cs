using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Workers;

namespace Orleans.Faas;

public static class FaasGrainsSiloBuilderExtensions
{
    /// <summary>What every silo needs for the Orleans.Faas grains; storage and runners are the host's choice.</summary>
    public static ISiloBuilder AddFaasGrains(this ISiloBuilder silo)
    {
        silo.AddPlacementDirector<ProviderSiloPlacement, ProviderSiloPlacementDirector>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<PlacementPolicy, LeastLoadedPolicy>();
        silo.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return silo;
    }
}
