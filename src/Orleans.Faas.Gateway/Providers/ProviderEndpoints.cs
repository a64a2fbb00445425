using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Providers;

public static class ProviderEndpoints
{
    public static void MapProviderEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/providers", async (IGrainFactory grains) =>
        {
            var providers = await grains.ReadProviders();
            return Results.Ok(providers.Select(ProviderResponse.From).ToList());
        })
        .WithTags("Providers")
        .WithSummary("List the providers (one per node) with their facts, status and load")
        .Produces<List<ProviderResponse>>();
    }
}
