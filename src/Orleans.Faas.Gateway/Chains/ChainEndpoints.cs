using Orleans.Faas.Chains;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Chains;

public static class ChainEndpoints
{
    public static void MapChainEndpoints(this RouteGroupBuilder v1)
    {
        var chains = v1.MapGroup("/chains").WithTags("Chains");

        chains.MapPost("/", async (HttpRequest request, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var definition = (await body.ReadJson<ChainDefinitionRequest>(request, ct)).ToDefinition();
            var errors = ChainDefinitionValidator.Validate(definition);
            if (!errors.IsEmpty)
                throw new InvalidChainDefinitionException(errors);

            var registration = await grains.GetGrain<IChainGrain>(definition.Name).Define(definition);
            var chain = ChainResponse.From(registration.Version) with { CallbackSecret = registration.CallbackSecret };
            return registration.Created ? Results.Created($"/v1/chains/{definition.Name}", chain) : Results.Ok(chain);
        })
        .WithSummary("Define a chain, or a new version of it: steps are function names, or {\"function\", \"fanOut\": \"lines\"} to run a batch over the lines of the previous output; a definition the same as the latest version's changes nothing and answers 200")
        .WithDescription("The answer carries callbackSecret, the key its runs' callbacks are signed with: made at its first definition, kept across versions.")
        .Accepts<ChainDefinitionRequest>("application/json")
        .Produces<ChainResponse>(StatusCodes.Status201Created)
        .Produces<ChainResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        chains.MapGet("/", async (IGrainFactory grains) =>
        {
            var names = await grains.GetGrain<IRegistryGrain>(Registries.Chains).List();
            var latest = await Task.WhenAll(names.Select(name => grains.GetGrain<IChainGrain>(name).GetLatest()));
            return Results.Ok(latest.OfType<ChainVersion>().Select(ChainResponse.From).ToList());
        })
        .WithSummary("List chains with their latest versions")
        .Produces<List<ChainResponse>>();

        chains.MapGet("/{name}", async (string name, IGrainFactory grains) =>
            Results.Ok(ChainResponse.From(await grains.GetGrain<IChainGrain>(name).GetLatest() ?? throw new ChainNotFoundException(name))))
        .WithSummary("Get a chain's latest version")
        .Produces<ChainResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        chains.MapGet("/{name}/callback-secret", async (string name, IGrainFactory grains) =>
            Results.Ok(new ChainSecretResponse(name, await grains.GetGrain<IChainGrain>(name).GetCallbackSecret() ?? throw new ChainNotFoundException(name))))
        .WithSummary("Get the key a chain's runs' callbacks are signed with (HMAC-SHA256, as for invocations)")
        .Produces<ChainSecretResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        chains.MapDelete("/{name}", async (string name, IGrainFactory grains) =>
            await grains.GetGrain<IChainGrain>(name).Delete() ? Results.NoContent() : throw new ChainNotFoundException(name))
        .WithSummary("Delete a chain and all its versions; runs already started go on")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        chains.MapPost("/{name}/runs", async (string name, string? callbackUrl, HttpRequest request, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var callback = InvocationQuery.Callback(callbackUrl);
            var input = await body.ReadBytes(request, ct);
            var run = await grains.GetGrain<IChainGrain>(name).StartRun(input, callback);
            return Results.Accepted(ChainRunUrls.Status(name, run.Id), ChainRunAccepted.For(run));
        })
        .WithSummary("Start a run of a chain's latest version: the request body, of any content type, is the first step's input")
        .WithDescription("?callbackUrl= (absolute http or https) is POSTed the run, as GET shows it, when it ends, signed with the chain's callback "
            + "secret the way invocations' callbacks are signed with their function's.")
        .Produces<ChainRunAccepted>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        chains.MapGet("/{name}/runs/{id:guid}", async (string name, Guid id, double? waitSeconds, IGrainFactory grains) =>
        {
            var run = grains.GetGrain<IChainRunGrain>(id);
            var snapshot = waitSeconds is { } wait ? await run.WaitUntilFinished(LongPoll.Wait(wait)) : await run.GetSnapshot();
            return snapshot is not null && snapshot.Chain == name
                ? Results.Ok(ChainRunResponse.From(snapshot))
                : throw new ChainRunNotFoundException(name, id);
        })
        .WithSummary("Get a chain run: its status, every step (function, version, task, status, times, failure) and its output once completed; with waitSeconds, wait up to that long for it to finish first")
        .Produces<ChainRunResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
