using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Benchmarks;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Gateway.Profiles;

public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this RouteGroupBuilder v1)
    {
        var profile = v1.MapGroup("/functions/{name}/profile").WithTags("Profiles");

        profile.MapPost("/", async (string name, NamespaceScope scope, HttpRequest request, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var function = scope.Qualify(name) ?? throw new FunctionNotFoundException(name);
            return BenchmarkAccepted.For(await BenchmarkEndpoints.Slot(grains).Start((await body.ReadJson<ProfileRequestBody>(request, ct)).ToRequest(function)));
        })
        .RequireRole(ApiKeyRole.Admin)
        .WithSummary("Profile a function on the reference provider at several input sizes; a benchmark job, so for admins")
        .Accepts<ProfileRequestBody>("application/json")
        .Produces<BenchmarkAccepted>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        profile.MapGet("/", async (string name, long? inputSize, NamespaceScope scope, IGrainFactory grains) =>
        {
            var function = grains.GetGrain<IFunctionGrain>(scope.Qualify(name) ?? throw new FunctionNotFoundException(name));
            if (inputSize is not { } size)
                return Results.Ok(new FunctionProfileResponse(name, await function.GetProfile(), await function.GetCacheNeed()));
            if (size < 0)
                throw new InvalidQueryException("inputSize", "inputSize must not be negative.");
            return Results.Ok(await function.Estimate(size) ?? throw new NoProfileException(name));
        })
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("A function's profile: every measured input size and its cache need, or with inputSize the expected cost at that size (interpolated: true when it was not measured)")
        .Produces<ProfileEstimate>()
        .Produces<FunctionProfileResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
