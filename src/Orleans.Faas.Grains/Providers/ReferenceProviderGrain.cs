using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Scheduling;
using Orleans.Serialization;

namespace Orleans.Faas.Providers;

public sealed partial class ReferenceProviderGrain(
    [PersistentState("reference", FaasStorage.Name)] IPersistentState<ReferenceRecord> state,
    DeepCopier<ReferenceRecord> copier,
    IOptions<SchedulingOptions> options,
    ILogger<ReferenceProviderGrain> logger)
    : Grain, IReferenceProviderGrain
{
    private readonly StoredRecord<ReferenceRecord> _record = new(state, copier);

    private ReferenceRecord Record => _record.Current;

    /// <summary>The operator's choice when one was made, else the configured one, else the first to register.</summary>
    public Task<string?> Get() => Task.FromResult(Record.Provider ?? options.Value.ReferenceProvider ?? Record.FirstRegistered);

    public async Task Set(string provider)
    {
        if (Record.Provider == provider)
            return;
        await _record.Change(r => r.Provider = provider);
        LogChanged(provider);
        // The new reference may not have been measured yet.
        await GrainFactory.GetGrain<IBenchmarkSlotGrain>(IBenchmarkSlotGrain.ClusterKey).Nudge();
    }

    public async Task Propose(string provider)
    {
        if (Record.FirstRegistered is not null)
            return;
        await _record.Change(r => r.FirstRegistered = provider);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The reference provider is now {Provider}; every score is relative to it")]
    private partial void LogChanged(string provider);
}

[GenerateSerializer, Alias("faas.ReferenceRecord")]
public sealed class ReferenceRecord
{
    /// <summary>An operator's choice over HTTP; it outlives restarts and wins over configuration.</summary>
    [Id(0)]
    public string? Provider { get; set; }

    [Id(1)]
    public string? FirstRegistered { get; set; }
}
