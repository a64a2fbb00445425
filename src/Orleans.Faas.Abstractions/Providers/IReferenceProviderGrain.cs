namespace Orleans.Faas.Providers;

/// <summary>
/// Which provider the cluster measures every other one against (key <see cref="ClusterKey"/>). It starts as
/// <c>Faas:Scheduling:ReferenceProvider</c>, else the first provider to register, and an operator may change it.
/// </summary>
[Alias("faas.IReferenceProviderGrain")]
public interface IReferenceProviderGrain : IGrainWithStringKey
{
    public const string ClusterKey = "cluster";

    [AlwaysInterleave, Alias("Get")]
    Task<string?> Get();

    /// <summary>Makes <paramref name="provider"/> the reference; every score is relative to it from now on.</summary>
    [Alias("Set")]
    Task Set(string provider);

    /// <summary>Makes <paramref name="provider"/> the reference only if there is none yet.</summary>
    [Alias("Propose")]
    Task Propose(string provider);
}
