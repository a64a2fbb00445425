using System.Collections.Immutable;

namespace Orleans.Faas.Providers;

/// <summary>
/// The providers as callers outside the silo see them: each snapshot with its efficiency scores against the current
/// reference. Stateless, so any silo answers.
/// </summary>
[Alias("faas.IProviderDirectoryGrain")]
public interface IProviderDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<ImmutableArray<ProviderSnapshot>> List();

    /// <summary>Null when no silo ever registered the provider.</summary>
    [Alias("Get")]
    Task<ProviderSnapshot?> Get(string id);
}
