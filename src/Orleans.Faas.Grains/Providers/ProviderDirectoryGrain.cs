using System.Collections.Immutable;

namespace Orleans.Faas.Providers;

[StatelessWorker]
public sealed class ProviderDirectoryGrain : Grain, IProviderDirectoryGrain
{
    private IReferenceProviderGrain Reference => GrainFactory.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey);

    public async Task<ImmutableArray<ProviderSnapshot>> List()
    {
        var reference = Reference.Get();
        var providers = await GrainFactory.ReadProviders();
        return [.. Efficiency.Score(providers, await reference)];
    }

    public async Task<ProviderSnapshot?> Get(string id)
    {
        var reference = await Reference.Get();
        string[] ids = reference is null || reference == id ? [id] : [id, reference];
        var snapshots = (await Task.WhenAll(ids.Select(i => GrainFactory.GetGrain<IProviderGrain>(i).GetSnapshot()))).OfType<ProviderSnapshot>().ToList();
        return snapshots.Any(s => s.Id == id) ? Efficiency.Score(snapshots, reference).First(s => s.Id == id) : null;
    }
}
