namespace Orleans.Faas.Providers;

/// <summary>
/// One node, keyed by its node name: facts, status, scores and the load its worker last reported. What runs on it is
/// the tasks' own business: their watch ranges find what a lost node took with it.
/// </summary>
[Alias("faas.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>
    /// A silo announces its node. True when an earlier silo of the same node was registered: what it held was lost
    /// with it even if no survivor saw it die (a full restart).
    /// </summary>
    [Alias("Register")]
    Task<bool> Register(ProviderRegistration registration);

    /// <summary>The node's latest load; it only replaces a field, so it never waits behind a state write.</summary>
    [AlwaysInterleave, Alias("ReportLoad")]
    Task ReportLoad(ProviderLoad load);

    /// <summary>
    /// The silo at <paramref name="silo"/> died: if it is this provider's current silo, the provider goes Down.
    /// Idempotent; a silo the provider no longer runs on changes nothing.
    /// </summary>
    [Alias("MarkDown")]
    Task MarkDown(string silo);

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
