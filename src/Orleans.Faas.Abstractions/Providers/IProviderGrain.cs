using System.Collections.Immutable;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Providers;

/// <summary>
/// One node, keyed by its node name: facts, status, the load its worker last reported, and the task attempts
/// placed on it, so that they can be placed again when the node is lost. It never waits on a task grain, so
/// tasks may call it at any time without a cycle.
/// </summary>
[Alias("faas.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>
    /// A silo announces its node. Returns the attempts an earlier silo of the same node left behind, lost with it
    /// even if no survivor saw it die (a full restart): the caller places them again and then releases them.
    /// </summary>
    [Alias("Register")]
    Task<ImmutableArray<TaskAttempt>> Register(ProviderRegistration registration);

    /// <summary>The node's latest load; it only replaces a field, so it never waits behind a state write.</summary>
    [AlwaysInterleave, Alias("ReportLoad")]
    Task ReportLoad(ProviderLoad load);

    /// <summary>
    /// Remembers an attempt placed here until it is released or the provider is lost. Tracks and releases interleave,
    /// so that the thousands a batch makes share writes.
    /// </summary>
    [AlwaysInterleave, Alias("Track")]
    Task Track(TaskAttempt attempt);

    /// <summary>Forgets a finished or moved attempt; one-way, so a finishing task never waits on its provider.</summary>
    [OneWay, AlwaysInterleave, Alias("Release")]
    Task Release(TaskAttempt attempt);

    /// <summary>
    /// The silo at <paramref name="silo"/> died: if it is this provider's current silo, the provider goes Down and the
    /// attempts tracked here are returned for the caller to place again and then release.
    /// Idempotent; a silo the provider no longer runs on changes nothing and returns nothing.
    /// </summary>
    [Alias("MarkDown")]
    Task<ImmutableArray<TaskAttempt>> MarkDown(string silo);

    /// <summary>Keeps the latest benchmark of this provider; an older one than what is kept changes nothing.</summary>
    [Alias("RecordBenchmark")]
    Task RecordBenchmark(ProviderBenchmark benchmark);

    /// <summary>No new placements here; running and queued attempts finish. Null when the provider is unknown.</summary>
    [Alias("Drain")]
    Task<ProviderSnapshot?> Drain();

    /// <summary>Takes placements again after <see cref="Drain"/>. Null when the provider is unknown.</summary>
    [Alias("Undrain")]
    Task<ProviderSnapshot?> Undrain();

    /// <summary>
    /// Tells the view of every change from now on, until it has not subscribed again for a while; returns the current
    /// snapshot and its revision (null before the provider registered). Views subscribe again periodically.
    /// </summary>
    [AlwaysInterleave, Alias("Subscribe")]
    Task<(ProviderSnapshot? Snapshot, long Revision)> Subscribe(IProviderViewObserver view);

    /// <summary>Null when no silo ever registered this provider.</summary>
    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<ProviderSnapshot?> GetSnapshot();
}
