using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.HttpModel.Triggers;
using Orleans.Faas.Registry;
using Orleans.Faas.Tasks;
using Orleans.Serialization;

namespace Orleans.Faas.Triggers;

/// <summary>
/// A trigger: its definition, stored before it is answered, and the runtime of its kind, which <see cref="Apply"/>
/// brings in line with the definition on every activation and after every change. A reminder keeps the grain active
/// and wakes it on another silo when its silo dies, so the runtime lives on one silo of the cluster at a time.
/// </summary>
public sealed partial class TriggerGrain(
    [PersistentState("trigger", FaasStorage.Name)] IPersistentState<TriggerRecord> state,
    DeepCopier<TriggerRecord> copier,
    IOptions<TriggerOptions> options,
    IOptions<TaskOptions> tasks,
    ILocalSiloDetails silo,
    TimeProvider clock,
    ILogger<TriggerGrain> logger)
    : Grain, ITriggerGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";

    private readonly StoredRecord<TriggerRecord> _record = new(state, copier);

    private bool _keptAlive;

    private TriggerRecord Record => _record.Current;

    private string Name => this.GetPrimaryKeyString();

    private IRegistryGrain Registry => GrainFactory.GetGrain<IRegistryGrain>(Registries.Triggers);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Record.Definition is not null)
            await Apply();
    }

    public async Task<TriggerRegistration> Define(TriggerDefinition definition)
    {
        var errors = TriggerDefinitionValidator.Validate(definition);
        if (!errors.IsEmpty)
            throw new InvalidTriggerDefinitionException(errors);
        if (definition.Name != Name)
            throw new ArgumentException($"Definition '{definition.Name}' was sent to trigger '{Name}'.", nameof(definition));

        var created = Record.Definition is null;
        if (definition != Record.Definition)
        {
            var now = clock.GetUtcNow();
            await _record.Change(r =>
            {
                r.Definition = definition;
                r.UpdatedAt = now;
                if (created)
                    r.CreatedAt = now;
            });
        }
        // A trigger stored while its listing or reminder was not is listed and kept alive when it is sent again.
        await Registry.Add(Name);
        await Apply();
        return new TriggerRegistration(View()!, created);
    }

    public async Task<TriggerView?> Get() => await WithConnection(View());

    public async Task<bool> Delete()
    {
        if (Record.Definition is null)
            return false;
        await _record.Clear();
        await Apply();
        await Registry.Remove(Name);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder's work is waking the grain, whose activation applied the definition; one left by a deleted trigger goes.
        if (reminderName == KeepAliveReminder && Record.Definition is null)
            await this.Unregister(KeepAliveReminder);
    }

    /// <summary>
    /// Brings the keep-alive reminder and each kind's runtime in line with the stored definition: starts, changes or
    /// stops them. The hook for a kind's runtime: each kind's Apply looks at the definition and runs only for its own.
    /// </summary>
    private async Task Apply()
    {
        ApplySchedule();
        await ApplyMqtt();
        await KeepAlive(Record.Definition is not null);
    }

    private async Task KeepAlive(bool keep)
    {
        if (keep && !_keptAlive)
        {
            await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.KeepAliveEvery, options.Value.KeepAliveEvery);
            _keptAlive = true;
        }
        else if (!keep)
        {
            await this.Unregister(KeepAliveReminder);
            _keptAlive = false;
        }
    }

    private TriggerView? View() => Record.Definition is { } definition
        ? new TriggerView(definition, Record.CreatedAt, Record.UpdatedAt, new TriggerStatus(
            silo.Name, Record.Recent.LastOrDefault(), NextFiringAt(), Record.Fired, Record.Failed, Record.Skipped, Record.LastError, [.. Record.Recent]))
        : null;

    /// <summary>Stores what firings made, with <paramref name="also"/>: counts, the latest firings, the latest error; for every kind.</summary>
    private Task StoreFirings(IReadOnlyList<TriggerFiring> fired, int failed, TriggerError? error, Action<TriggerRecord>? also = null) =>
        _record.Change(r =>
        {
            r.Fired += fired.Count;
            r.Failed += failed;
            r.LastError = error ?? r.LastError;
            r.Recent.AddRange(fired);
            r.Recent.RemoveRange(0, Math.Max(0, r.Recent.Count - options.Value.RecentFirings));
            also?.Invoke(r);
        });
}
