using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Providers;

public static class ProviderEndpoints
{
    public static void MapProviderEndpoints(this RouteGroupBuilder v1)
    {
        var providers = v1.MapGroup("/providers").WithTags("Providers");

        providers.MapGet("/", async (IGrainFactory grains) =>
            Results.Ok((await grains.ReadProviders()).Select(ProviderResponse.From).ToList()))
        .WithSummary("List the providers (one per node) with their facts, status and load")
        .Produces<List<ProviderResponse>>();

        providers.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            Found(id, await grains.GetGrain<IProviderGrain>(id).GetSnapshot()))
        .WithSummary("Get one provider's facts, status and load")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/drain", async (string id, IGrainFactory grains) =>
            Found(id, await grains.GetGrain<IProviderGrain>(id).Drain()))
        .WithSummary("Stop placing new tasks on a provider; what it runs and has queued still finishes")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/undrain", async (string id, IGrainFactory grains) =>
            Found(id, await grains.GetGrain<IProviderGrain>(id).Undrain()))
        .WithSummary("Place new tasks on a drained provider again")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Found(string id, ProviderSnapshot? provider) =>
        Results.Ok(ProviderResponse.From(provider ?? throw new ProviderNotFoundException(id)));
}
