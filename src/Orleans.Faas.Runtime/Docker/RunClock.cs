using System.Diagnostics;
using Orleans.Faas.Cache;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Times a run in two parts: getting its container, until the container's agent answers, and the run itself, from
/// the request to the report. A warm container found dead before the request counts towards getting the container.
/// </summary>
internal sealed class RunClock
{
    private readonly Stopwatch _gettingContainer = Stopwatch.StartNew();
    private readonly Stopwatch _running = new();

    /// <summary>The run itself: from the request to the report, or to the kill.</summary>
    public TimeSpan Run => _running.Elapsed;

    public void AgentAnswered()
    {
        _gettingContainer.Stop();
        _running.Start();
    }

    /// <summary>The run reported, or was killed; if that happened before its agent answered, so did getting its container.</summary>
    public void Stop()
    {
        _gettingContainer.Stop();
        _running.Stop();
    }

    public RunConditions Conditions(bool cold, double cpuQuota, CacheAllocationDecision? cacheAllocation) =>
        new(cold, _gettingContainer.Elapsed.TotalMilliseconds, cpuQuota, cacheAllocation);
}
