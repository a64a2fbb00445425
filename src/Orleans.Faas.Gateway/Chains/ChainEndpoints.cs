using Orleans.Faas.Chains;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Chains;
using Orleans.Faas.Keys;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Chains;

public static class ChainEndpoints
{
    public static void MapChainEndpoints(this RouteGroupBuilder v1)
    {
        var chains = v1.MapGroup("/chains").WithTags("Chains");

        chains.MapPost("/", async (HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var definition = (await body.ReadJson<ChainDefinitionRequest>(request, ct)).ToDefinition(scope);
            var errors = ChainDefinitionValidator.Validate(definition);
            if (!errors.IsEmpty)
                throw new InvalidChainDefinitionException(errors);

            var registration = await grains.GetGrain<IChainGrain>(definition.Name).Define(definition);
            var chain = ChainResponse.From(registration.Version) with { CallbackSecret = registration.CallbackSecret };
            return registration.Created ? Results.Created($"/v1/chains/{chain.Name}", chain) : Results.Ok(chain);
        })
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Define a chain, or a new version of it: steps are function names, or {\"function\", \"fanOut\": \"lines\"} to run a batch over the lines of the previous output; a definition the same as the latest version's changes nothing and answers 200")
        .WithDescription("The answer carries callbackSecret, the key its runs' callbacks are signed with: made at its first definition, kept across versions.")
        .Accepts<ChainDefinitionRequest>("application/json")
        .Produces<ChainResponse>(StatusCodes.Status201Created)
        .Produces<ChainResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        chains.MapGet("/", async (NamespaceScope scope, IGrainFactory grains) =>
        {
            var names = (await grains.GetGrain<IRegistryGrain>(Registries.Chains).List()).Where(scope.Holds);
            var latest = await Task.WhenAll(names.Select(name => grains.GetGrain<IChainGrain>(name).GetLatest()));
            return Results.Ok(latest.OfType<ChainVersion>().Select(ChainResponse.From).ToList());
        })
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("List the namespace's chains with their latest versions")
        .Produces<List<ChainResponse>>();

        chains.MapGet("/{name}", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            Results.Ok(ChainResponse.From(await Chain(grains, scope, name).GetLatest() ?? throw new ChainNotFoundException(name))))
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Get a chain's latest version")
        .Produces<ChainResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        chains.MapGet("/{name}/callback-secret", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            Results.Ok(new ChainSecretResponse(name, await Chain(grains, scope, name).GetCallbackSecret() ?? throw new ChainNotFoundException(name))))
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Get the key a chain's runs' callbacks are signed with (HMAC-SHA256, as for invocations)")
        .Produces<ChainSecretResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        chains.MapDelete("/{name}", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            await Chain(grains, scope, name).Delete() ? Results.NoContent() : throw new ChainNotFoundException(name))
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Delete a chain and all its versions; runs already started go on")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        chains.MapPost("/{name}/runs", async (
            string name, string? callbackUrl, HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CallbackUrlPolicy callbacks,
            CancellationToken ct) =>
        {
            var callback = InvocationQuery.Callback(callbackUrl, callbacks);
            var input = await body.ReadBytes(request, ct);
            var run = await Chain(grains, scope, name).StartRun(input, callback);
            return Results.Accepted(ChainRunUrls.Status(name, run.Id), ChainRunAccepted.For(name, run));
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Start a run of a chain's latest version: the request body, of any content type, is the first step's input")
        .WithDescription("?callbackUrl= (absolute http or https) is POSTed the run, as GET shows it, when it ends, signed with the chain's callback "
            + "secret the way invocations' callbacks are signed with their function's. " + InvocationQuery.CallbackReach)
        .Produces<ChainRunAccepted>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        chains.MapGet("/{name}/runs/{id:guid}", async (string name, Guid id, double? waitSeconds, NamespaceScope scope, IGrainFactory grains) =>
        {
            var wait = waitSeconds is { } seconds ? LongPoll.Wait(seconds) : (TimeSpan?)null;
            var run = grains.GetGrain<IChainRunGrain>(id);
            // Another chain's run (so another namespace's) is not found, before any wait, so that waiting tells nothing about it either.
            var snapshot = await run.GetSnapshot() is { } seen && seen.Chain == scope.Qualify(name) ? seen : throw new ChainRunNotFoundException(name, id);
            if (wait is { } patience)
                snapshot = await run.WaitUntilFinished(patience) ?? throw new ChainRunNotFoundException(name, id);
            return Results.Ok(ChainRunResponse.From(snapshot));
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Get a chain run: its status, every step (function, version, task, status, times, failure) and its output once completed; with waitSeconds, wait up to that long for it to finish first")
        .Produces<ChainRunResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The chain <paramref name="name"/> of the request's namespace; a name no chain can have is not found.</summary>
    private static IChainGrain Chain(IGrainFactory grains, NamespaceScope scope, string name) =>
        grains.GetGrain<IChainGrain>(scope.Qualify(name) ?? throw new ChainNotFoundException(name));
}
