using Orleans.Faas.Workers;

namespace Orleans.Faas.Scheduling;

/// <summary>Placement for one pool of providers: picks a provider and hands the attempt to its worker.</summary>
[Alias("faas.ISchedulerGrain")]
public interface ISchedulerGrain : IGrainWithStringKey
{
    /// <summary>Returns the chosen provider id; throws <see cref="NoProviderAvailableException"/>.</summary>
    [Alias("Dispatch")]
    Task<string> Dispatch(TaskAssignment assignment);
}
