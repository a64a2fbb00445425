using System.Collections.Immutable;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Keys;
using Orleans.Faas.Providers;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Gateway.Providers;

public static class ProviderEndpoints
{
    private static readonly TimeSpan KeepAlivePatience = TimeSpan.FromSeconds(2);

    public static void MapProviderEndpoints(this RouteGroupBuilder v1)
    {
        var providers = v1.MapGroup("/providers").WithTags("Providers").RequireRole(ApiKeyRole.Admin);

        providers.MapGet("/", async (IGrainFactory grains, TimeProvider clock) =>
            Results.Ok(await Task.WhenAll((await Directory(grains).List()).Select(async p => ProviderResponse.From(p, await KeepAliveOf(grains, p), clock.GetUtcNow())))))
        .WithSummary("List the providers (one per node) with their facts, efficiency scores, status and load")
        .Produces<List<ProviderResponse>>();

        providers.MapGet("/{id}", async (string id, IGrainFactory grains, TimeProvider clock) =>
            await Found(id, await Directory(grains).Get(id), grains, clock))
        .WithSummary("Get one provider's facts, efficiency scores, status and load")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/drain", async (string id, IGrainFactory grains, TimeProvider clock) =>
        {
            await Existing(id, grains.GetGrain<IProviderGrain>(id).Drain());
            return await Found(id, await Directory(grains).Get(id), grains, clock);
        })
        .WithSummary("Stop placing new tasks on a provider; what it runs and has queued still finishes")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/undrain", async (string id, IGrainFactory grains, TimeProvider clock) =>
        {
            await Existing(id, grains.GetGrain<IProviderGrain>(id).Undrain());
            return await Found(id, await Directory(grains).Get(id), grains, clock);
        })
        .WithSummary("Place new tasks on a drained provider again")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        providers.MapPost("/{id}/reference", async (string id, IGrainFactory grains, TimeProvider clock) =>
        {
            await Existing(id, grains.GetGrain<IProviderGrain>(id).GetSnapshot());
            await grains.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey).Set(id);
            return await Found(id, await Directory(grains).Get(id), grains, clock);
        })
        .WithSummary("Make a provider the reference: its efficiency is 1.0 and every other provider's score is re-based on it")
        .Produces<ProviderResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IProviderDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<IProviderDirectoryGrain>(0);

    private static async Task Existing(string id, Task<ProviderSnapshot?> call) => _ = await call ?? throw new ProviderNotFoundException(id);

    private static async Task<IResult> Found(string id, ProviderSnapshot? provider, IGrainFactory grains, TimeProvider clock)
    {
        var found = provider ?? throw new ProviderNotFoundException(id);
        return Results.Ok(ProviderResponse.From(found, await KeepAliveOf(grains, found), clock.GetUtcNow()));
    }

    /// <summary>
    /// Asked of the node's worker when read, since it is read rarely and would otherwise ride on every load report to
    /// every silo; a node that is down, gone or slow to answer has none to show.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, KeepAliveDecision>> KeepAliveOf(IGrainFactory grains, ProviderSnapshot provider)
    {
        if (provider.Status == ProviderStatus.Down)
            return ImmutableDictionary<string, KeepAliveDecision>.Empty;
        try
        {
            return await grains.GetGrain<IWorkerGrain>(provider.Id).GetKeepAlive().WaitAsync(KeepAlivePatience);
        }
        catch (Exception e) when (WorkerUnreachable.Is(e))
        {
            return ImmutableDictionary<string, KeepAliveDecision>.Empty;
        }
    }
}
