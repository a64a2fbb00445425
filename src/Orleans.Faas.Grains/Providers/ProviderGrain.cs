using Microsoft.Extensions.Logging;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Registry;
using Orleans.Utilities;

namespace Orleans.Faas.Providers;

public sealed partial class ProviderGrain(
    [PersistentState("provider", FaasStorage.Name)] IPersistentState<ProviderRecord> state,
    TimeProvider clock,
    ILogger<ProviderGrain> logger)
    : Grain, IProviderGrain
{
    /// <summary>A view that has not subscribed again for this long is forgotten; views subscribe again well within it.</summary>
    public static readonly TimeSpan ViewExpiry = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan ViewPatience = TimeSpan.FromSeconds(2);

    // Drains, benchmarks and registrations interleave; all writes go through this so none overlap.
    private readonly CoalescedWrites _writes = new(state.WriteStateAsync);

    // Load changes with every task; it is reported again by the worker, so it is not worth a storage write.
    private ProviderLoad? _load;

    private readonly ObserverManager<IProviderViewObserver> _views = new(ViewExpiry, logger);

    // Starts from the clock so that it keeps increasing across activations of this grain.
    private long _revision = clock.GetUtcNow().UtcTicks;

    private string Id => this.GetPrimaryKeyString();

    private ProviderRecord Record => state.State;

    public async Task<bool> Register(ProviderRegistration registration)
    {
        var previousSilo = Record.Registration?.Silo;
        Record.Registration = registration;
        Record.Down = false;
        Record.RegisteredAt = clock.GetUtcNow();
        _load = null;
        await _writes.Write();
        await TellViews();
        // Proposed before it is listed: a silo's provider view reads the reference after it lists the providers, and
        // must find this provider there when it is the first; otherwise it learns it only at its next periodic refresh.
        await GrainFactory.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey).Propose(Id);
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Providers).Add(Id);
        // A provider that joins unmeasured gets benchmarked, once it is not the only one (DueProviders).
        await GrainFactory.GetGrain<IBenchmarkSlotGrain>(IBenchmarkSlotGrain.ClusterKey).Nudge();

        return previousSilo is not null && previousSilo != registration.Silo;
    }

    public Task ReportLoad(ProviderLoad load)
    {
        _load = load;
        // Load changes often and the next report supersedes this one: views are told without waiting for them.
        if (Snapshot() is { } snapshot)
        {
            var revision = ++_revision;
            _views.Notify(view => view.Changed(snapshot, revision).Ignore());
        }
        return Task.CompletedTask;
    }

    public Task<(ProviderSnapshot? Snapshot, long Revision)> Subscribe(IProviderViewObserver view)
    {
        _views.Subscribe(view, view);
        return Task.FromResult((Snapshot(), _revision));
    }

    public async Task MarkDown(string silo)
    {
        if (Record.Registration?.Silo != silo || Record.Down)
            return;

        Record.Down = true;
        await _writes.Write();
        await TellViews();
        LogDown(Id, silo);
    }

    public async Task RecordBenchmark(ProviderBenchmark benchmark)
    {
        if (Record.Benchmark is { } kept && kept.MeasuredAt >= benchmark.MeasuredAt)
            return;
        Record.Benchmark = benchmark;
        await _writes.Write();
        await TellViews();
        LogMeasured(Id, benchmark.Cpu.WallMs, benchmark.Memory.WallMs);
    }

    public Task<ProviderSnapshot?> Drain() => SetDrained(true);

    public Task<ProviderSnapshot?> Undrain() => SetDrained(false);

    public Task<ProviderSnapshot?> GetSnapshot() => Task.FromResult(Snapshot());

    private async Task<ProviderSnapshot?> SetDrained(bool drained)
    {
        if (Record.Registration is null)
            return null;
        if (Record.Drained != drained)
        {
            Record.Drained = drained;
            await _writes.Write();
            // The caller returns once every view knows, so a drain takes effect on the next placement anywhere.
            await TellViews();
            LogDrained(Id, drained);
        }
        return Snapshot();
    }

    /// <summary>Tells every view about a change of status, facts or scores and waits, a little, until each has it.</summary>
    private async Task TellViews()
    {
        if (Snapshot() is not { } snapshot)
            return;
        var revision = ++_revision;
        await Task.WhenAll(_views.Select(async view =>
        {
            try
            {
                await view.Changed(snapshot, revision).WaitAsync(ViewPatience);
            }
            catch (Exception e)
            {
                // A view that missed it catches up when it subscribes again.
                LogViewNotTold(e, Id);
            }
        }));
    }

    private ProviderSnapshot? Snapshot() => Record.Registration is not { } registration
        ? null
        : new ProviderSnapshot(
            Id,
            registration.Facts,
            registration.Runtimes,
            Record.Status,
            _load ?? ProviderLoad.Idle with { Slots = registration.Slots },
            registration.Silo,
            Record.RegisteredAt,
            Record.Benchmark);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId} is down: its silo {Silo} died")]
    private partial void LogDown(string providerId, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {ProviderId} measured: CPU workload {CpuMs:F1} ms, memory workload {MemoryMs:F1} ms (medians)")]
    private partial void LogMeasured(string providerId, double cpuMs, double memoryMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId}: a provider view could not be told of a change")]
    private partial void LogViewNotTold(Exception exception, string providerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {ProviderId}: drained = {Drained}")]
    private partial void LogDrained(string providerId, bool drained);
}
