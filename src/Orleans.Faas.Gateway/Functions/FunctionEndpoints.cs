using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Functions;

public static class FunctionEndpoints
{
    public static void MapFunctionEndpoints(this RouteGroupBuilder v1)
    {
        var functions = v1.MapGroup("/functions").WithTags("Functions").RequireRole(ApiKeyRole.Developer);

        functions.MapPost("/", async (HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var uploaded = await FunctionUpload.ReadAsync(request, body, ct);
            var registration = await FunctionRegistrar.RegisterAsync(grains, scope, uploaded);
            var function = FunctionResponse.From(registration.Version) with { CallbackSecret = registration.CallbackSecret };
            return registration.Created ? Results.Created($"/v1/functions/{uploaded.Name}", function) : Results.Ok(function);
        })
        .WithSummary("Register a function, or a new version of it; a definition the same as the latest version's changes nothing and answers 200")
        .WithDescription("The body is the definition as JSON, or a multipart/form-data form with the definition as JSON in its "
            + "'definition' part and a Python code file (.py, .zip or .tar.gz) in its 'code' part, or for the docker runtime any one file, "
            + "mounted read-only as its working folder /.faas/code. Python code is checked on a "
            + "node before it is stored: source that does not compile and a pickle that does not deserialize are refused with 400. "
            + "The answer carries callbackSecret, the key the function's callbacks are signed with: made at its first registration, kept across versions.")
        // The multipart form is described by the transformer; listed here so that routing lets it through.
        .Accepts<FunctionRegistrationRequest>("application/json", FunctionUploadForm.ContentType)
        .AddOpenApiOperationTransformer(FunctionUploadForm.Describe)
        .Produces<FunctionResponse>(StatusCodes.Status201Created)
        .Produces<FunctionResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        functions.MapGet("/", async (NamespaceScope scope, IGrainFactory grains) =>
        {
            var names = (await grains.GetGrain<IRegistryGrain>(Registries.Functions).List()).Where(scope.Holds);
            var latest = await Task.WhenAll(names.Select(name => grains.GetGrain<IFunctionGrain>(name).GetLatest()));
            return Results.Ok(latest.OfType<FunctionVersion>().Select(FunctionResponse.From).ToList());
        })
        .WithSummary("List the namespace's functions with their latest versions")
        .Produces<List<FunctionResponse>>();

        functions.MapGet("/{name}", async (string name, NamespaceScope scope, IGrainFactory grains) =>
        {
            var latest = await Function(grains, scope, name).GetLatest() ?? throw new FunctionNotFoundException(name);
            return Results.Ok(FunctionResponse.From(latest));
        })
        .WithSummary("Get a function's latest version")
        .Produces<FunctionResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        functions.MapGet("/{name}/versions", async (string name, NamespaceScope scope, IGrainFactory grains) =>
        {
            var versions = await Function(grains, scope, name).GetVersions();
            return versions.IsEmpty ? throw new FunctionNotFoundException(name) : Results.Ok(versions.Select(FunctionResponse.From).ToList());
        })
        .WithSummary("List the versions a function keeps, newest first: each registration with a changed definition is one")
        .Produces<List<FunctionResponse>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        functions.MapGet("/{name}/callback-secret", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            Results.Ok(new CallbackSecretResponse(name, await Function(grains, scope, name).GetCallbackSecret() ?? throw new FunctionNotFoundException(name))))
        .WithSummary("Get the key a function's callbacks are signed with (HMAC-SHA256; see the callbackUrl parameter of invocations)")
        .Produces<CallbackSecretResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        functions.MapDelete("/{name}", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            await Function(grains, scope, name).Delete() ? Results.NoContent() : throw new FunctionNotFoundException(name))
        .WithSummary("Delete a function and all its versions")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The function <paramref name="name"/> of the request's namespace; a name no function can have is not found.</summary>
    public static IFunctionGrain Function(IGrainFactory grains, NamespaceScope scope, string name) =>
        grains.GetGrain<IFunctionGrain>(scope.Qualify(name) ?? throw new FunctionNotFoundException(name));
}
