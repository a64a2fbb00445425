using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>There is no registry to refresh from: the simulated view already holds every provider there is.</summary>
public sealed class NoViewRefresh : IProviderViewRefresh
{
    public Task Refresh() => Task.CompletedTask;
}
