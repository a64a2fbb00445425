using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Keys;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Providers;

public static class ProviderEndpoints
{
    public static void MapProviderEndpoints(this RouteGroupBuilder v1)
    {
        var providers = v1.MapGroup("/providers").WithTags("Providers").RequireRole(ApiKeyRole.Admin);

        providers.MapGet("/", async (IGrainFactory grains, TimeProvider clock) =>
            Results.Ok((await Directory(grains).List()).Select(p => ProviderResponse.From(p, clock.GetUtcNow())).ToList()))
        .WithSummary("List the providers (one per node) with their facts, efficiency scores, status and load")
        .Produces<List<ProviderResponse>>();

        providers.MapGet("/{id}", async (string id, IGrainFactory grains, TimeProvider clock) =>
            Found(id, await Directory(grains).Get(id), clock))
        .WithSummary("Get one provider's facts, efficiency scores, status and load")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/drain", async (string id, IGrainFactory grains, TimeProvider clock) =>
        {
            await Existing(id, grains.GetGrain<IProviderGrain>(id).Drain());
            return Found(id, await Directory(grains).Get(id), clock);
        })
        .WithSummary("Stop placing new tasks on a provider; what it runs and has queued still finishes")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/undrain", async (string id, IGrainFactory grains, TimeProvider clock) =>
        {
            await Existing(id, grains.GetGrain<IProviderGrain>(id).Undrain());
            return Found(id, await Directory(grains).Get(id), clock);
        })
        .WithSummary("Place new tasks on a drained provider again")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/reference", async (string id, IGrainFactory grains, TimeProvider clock) =>
        {
            await Existing(id, grains.GetGrain<IProviderGrain>(id).GetSnapshot());
            await grains.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey).Set(id);
            return Found(id, await Directory(grains).Get(id), clock);
        })
        .WithSummary("Make a provider the reference: its efficiency is 1.0 and every other provider's score is re-based on it")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IProviderDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<IProviderDirectoryGrain>(0);

    private static async Task Existing(string id, Task<ProviderSnapshot?> call) => _ = await call ?? throw new ProviderNotFoundException(id);

    private static IResult Found(string id, ProviderSnapshot? provider, TimeProvider clock) =>
        Results.Ok(ProviderResponse.From(provider ?? throw new ProviderNotFoundException(id), clock.GetUtcNow()));
}
