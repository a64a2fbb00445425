namespace Orleans.Faas.Namespaces;

/// <summary>
/// A namespace's count of unfinished (queued and running) tasks, by namespace. The count is taken from the tasks and
/// batches themselves whenever it reaches the limit, so work that finished, or was lost with a silo, frees its place
/// without anyone having to hand it back.
/// </summary>
[Alias("faas.INamespaceLimitGrain")]
public interface INamespaceLimitGrain : IGrainWithStringKey
{
    /// <summary>Counts <paramref name="work"/> in when the namespace's unfinished tasks stay within <paramref name="limit"/>; false (nothing counted) when not.</summary>
    [Alias("TryAdmit")]
    Task<bool> TryAdmit(AdmittedWork work, int limit);
}
