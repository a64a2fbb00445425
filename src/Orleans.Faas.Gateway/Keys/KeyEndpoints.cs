using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Keys;

public static class KeyEndpoints
{
    public static void MapKeyEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/caller", (HttpContext context, NamespaceScope scope) => Results.Ok(CallerResponse.From(Caller.From(context.User)!, scope)))
        .WithTags("Keys")
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Who the gateway takes the caller for: the key's id, role and namespaces, and the namespace the request acts in")
        .Produces<CallerResponse>()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        var keys = v1.MapGroup("/keys").WithTags("Keys").RequireRole(ApiKeyRole.Admin);

        keys.MapPost("/", async (HttpRequest request, RequestBody body, IGrainFactory grains, TimeProvider clock, CancellationToken ct) =>
        {
            var id = ApiKeySecret.NewId();
            var grant = (await body.ReadJson<KeyRequest>(request, ct)).ToGrant(id, clock.GetUtcNow());
            var (key, hash) = ApiKeySecret.New(id);
            if (!await grains.GetGrain<IApiKeyGrain>(id).Issue(grant, hash))
                throw new InvalidOperationException($"A fresh random key id '{id}' was already taken.");
            return Results.Created("/v1/keys", KeyResponse.From(grant) with { Key = key });
        })
        .WithSummary("Create an API key: the answer shows the key this once; only its hash is stored")
        .WithDescription("Roles: admin (everything, every namespace), developer (register, delete and invoke functions and chains in its "
            + "namespaces, and read their tasks), invoker (invoke, and read tasks, results and logs in its namespaces). A request acts in the "
            + "namespace its Faas-Namespace header names, else the key's first.")
        .Accepts<KeyRequest>("application/json")
        .Produces<KeyResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        keys.MapGet("/", async (IGrainFactory grains) =>
        {
            var ids = await grains.GetGrain<IRegistryGrain>(Registries.Keys).List();
            var grants = await Task.WhenAll(ids.Select(id => grains.GetGrain<IApiKeyGrain>(id).GetGrant()));
            return Results.Ok(grants.OfType<ApiKeyGrant>().Select(KeyResponse.From).ToList());
        })
        .WithSummary("List the API keys, without their secrets")
        .Produces<List<KeyResponse>>();

        keys.MapDelete("/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<IApiKeyGrain>(id).Revoke() ? Results.NoContent() : throw new ApiKeyNotFoundException(id))
        .WithSummary("Revoke an API key: every gateway refuses it from the next request on")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
