using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Predictions;

namespace Orleans.Faas.Gateway.Predictions;

public static class PredictionEndpoints
{
    public static void MapPredictionEndpoints(this RouteGroupBuilder v1) =>
        v1.MapGet("/functions/{name}/predictions", async (string name, long? inputSize, string? features, NamespaceScope scope, IGrainFactory grains) =>
        {
            if (inputSize is not { } size || size < 0)
                throw new InvalidQueryException("inputSize", "inputSize is required: the size of the input to predict for (bytes, or the unit the function declares), not negative.");
            var function = scope.Qualify(name) ?? throw new FunctionNotFoundException(name);
            return Results.Ok(await grains.GetGrain<IPredictionGrain>(0).Predict(function, size, FeatureQuery.Parse(features)));
        })
        .WithTags("Predictions")
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Where an invocation of this size would finish first: every provider, best first, with the model's run time, its live correction, "
            + "the run time the finish counts and how uncertain it is, the expected wait and whether it fits the function's constraints")
        .WithDescription("?inputSize= is required. " + FeatureQuery.Description)
        .Produces<PredictionReport>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
