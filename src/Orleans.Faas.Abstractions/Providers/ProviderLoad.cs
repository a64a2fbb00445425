using System.Collections.Immutable;

namespace Orleans.Faas.Providers;

/// <summary>How busy a provider's worker is: running tasks, tasks waiting for a slot, and its slot count.</summary>
/// <param name="PendingMs">The predicted run time still ahead of the worker: what its queued tasks were predicted to take, plus what is left of its running ones' predictions.</param>
/// <param name="IdleWarm">
/// Idle warm containers by function version (<see cref="Functions.WarmKey"/>); a version missing has none. Values stored
/// when this was keyed by function name still read, and count as no version's until the worker's next report.
/// </param>
/// <param name="ColdStartMs">How long getting a new container took on this node lately; null until one was started.</param>
/// <param name="MaxQueued">The most tasks that may wait here for a slot; beyond that the worker refuses new work. Null until the worker reported it.</param>
/// <remarks>
/// Id 7 held the node's keep-alive decisions until they moved out of the load reports to be asked for when read
/// (<see cref="Workers.IWorkerGrain.GetKeepAlive"/>): a value that still has it reads with the field skipped. Never reuse Id 7.
/// </remarks>
[GenerateSerializer, Immutable, Alias("faas.ProviderLoad")]
public sealed record ProviderLoad(
    [property: Id(0)] int Running,
    [property: Id(1)] int Queued,
    [property: Id(2)] int Slots,
    [property: Id(3)] double PendingMs = 0,
    [property: Id(4)] ImmutableDictionary<string, int>? IdleWarm = null,
    [property: Id(5)] double? ColdStartMs = null,
    [property: Id(6)] int? MaxQueued = null)
{
    public static readonly ProviderLoad Idle = new(0, 0, 0);

    /// <summary>Outstanding tasks per slot: 0 is idle, 1 is every slot busy, above 1 means a queue.</summary>
    public double Utilisation => Slots == 0 ? double.PositiveInfinity : (double)(Running + Queued) / Slots;

    /// <summary>Idle warm containers here that a run of the version (its <see cref="Functions.WarmKey"/>) can use.</summary>
    public int IdleWarmOf(string warmKey) => IdleWarm?.GetValueOrDefault(warmKey) ?? 0;
}
