using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Cache;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.NodeFacts;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Silo.Hosting;
using Orleans.Faas.Watch;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Silo.Providers;

/// <summary>Registers this node's provider, with its facts, runtimes and slots, once the silo is active.</summary>
public sealed partial class ProviderAnnouncer(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IEnumerable<IFunctionRunner> runners,
    IOptions<SiloHostOptions> host,
    IOptions<WorkerOptions> worker,
    IOptions<DockerOptions> docker,
    CacheCounterSupport cacheCounters,
    ILogger<ProviderAnnouncer> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ProviderAnnouncer), ServiceLifecycleStage.Active, Announce);

    private async Task Announce(CancellationToken cancellationToken)
    {
        var nodeName = host.Value.NodeName;
        var facts = new NodeFactsReader(host.Value.FactsRoot).Read(nodeName, host.Value.DeviceClass, host.Value.DeviceModel) with
        {
            CacheCountersUnavailable = cacheCounters.UnavailableBecause,
            CpuCap = docker.Value.CpuCap,
            Labels = host.Value.Labels.ToImmutableDictionary(StringComparer.Ordinal),
        };
        var registration = new ProviderRegistration(
            facts,
            [.. runners.Select(r => r.Runtime).Order()],
            worker.Value.EffectiveSlots,
            silo.SiloAddress.ToString());
        var replacedEarlierSilo = await grains.GetGrain<IProviderGrain>(nodeName).Register(registration);
        LogRegistered(nodeName, facts.DeviceClass, facts.Cores, facts.MemoryBytes / (1024 * 1024), facts.CpuModel, facts.LlcBytes, registration.Slots,
            string.Join(", ", registration.Runtimes).ToLowerInvariant());

        if (replacedEarlierSilo)
        {
            LogPlacingAgain(nodeName);
            await grains.CheckAllNow();
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Provider {NodeName} ({DeviceClass}) registered: {Cores} cores, {MemoryMiB} MiB, {CpuModel}, LLC {LlcBytes} bytes; {Slots} slots; runtimes: {Runtimes}")]
    private partial void LogRegistered(string nodeName, string deviceClass, int cores, long memoryMiB, string cpuModel, long? llcBytes, int slots, string runtimes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {NodeName} replaced an earlier silo of the node; every unfinished task is checked, and what that silo held is placed again")]
    private partial void LogPlacingAgain(string nodeName);
}
