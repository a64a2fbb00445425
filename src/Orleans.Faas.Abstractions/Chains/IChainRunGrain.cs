using Orleans.Faas.Retention;

namespace Orleans.Faas.Chains;

/// <summary>
/// One run of a chain, keyed by its id. Durable: it persists every transition and keeps a reminder while it runs, so a
/// run whose silo died carries on elsewhere, re-attaching to the step it had started. Once finished it expires after
/// the retention, as the tasks of its steps do.
/// </summary>
[Alias("faas.IChainRunGrain")]
public interface IChainRunGrain : IGrainWithGuidKey, IExpiring
{
    /// <summary>Persists the run as RUNNING and starts its first step in the background.</summary>
    [Alias("Start")]
    Task<ChainRunSnapshot> Start(ChainRunRequest request);

    /// <summary>As <see cref="Start"/>, unless the run was already started: then its snapshot.</summary>
    [Alias("StartIfNew")]
    Task<ChainRunSnapshot> StartIfNew(ChainRunRequest request);

    /// <summary>Null when no run with this id was ever started.</summary>
    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<ChainRunSnapshot?> GetSnapshot();

    /// <summary>Returns once the run finished or <paramref name="maxWait"/> passed, whichever is first.</summary>
    [AlwaysInterleave, Alias("WaitUntilFinished")]
    Task<ChainRunSnapshot?> WaitUntilFinished(TimeSpan maxWait);
}
