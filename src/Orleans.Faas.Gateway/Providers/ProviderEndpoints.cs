using Orleans.Faas.Providers;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Providers;

public static class ProviderEndpoints
{
    public static void MapProviderEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/providers", async (IGrainFactory grains) =>
        {
            var ids = await grains.GetGrain<IRegistryGrain>(Registries.Providers).List();
            var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProviderGrain>(id).GetSnapshot()));
            return Results.Ok(snapshots.OfType<ProviderSnapshot>().Select(ProviderResponse.From).ToList());
        })
        .WithTags("Providers")
        .WithSummary("List the providers (one per node) with their facts, status and load")
        .Produces<List<ProviderResponse>>();
    }
}
