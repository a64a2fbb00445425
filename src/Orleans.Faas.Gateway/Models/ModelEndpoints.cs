using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Models;

namespace Orleans.Faas.Gateway.Models;

public static class ModelEndpoints
{
    private const int MaxVersions = 1000;

    public static void MapModelEndpoints(this RouteGroupBuilder v1)
    {
        var models = v1.MapGroup("/models").WithTags("Models").RequireRole(ApiKeyRole.Admin);

        models.MapGet("/", async (int? limit, IGrainFactory grains) =>
        {
            if (limit is < 1 or > MaxVersions)
                throw new InvalidQueryException("limit", $"limit must be between 1 and {MaxVersions}.");
            return Results.Ok(await grains.GetGrain<IModelsGrain>(0).Overview(limit ?? 20));
        })
        .WithSummary("The runtime models: which version is current, recent versions with their cross-validated errors against the linear model and their incumbent, training status, and the live error per function and provider")
        .Produces<ModelsOverview>()
        .ProducesValidationProblem();

        models.MapPost("/training", async (IGrainFactory grains) =>
            Results.Accepted("/v1/models", await grains.GetGrain<IModelTrainerGrain>(IModelTrainerGrain.ClusterKey).Train()))
        .WithSummary("Train a new model from the execution history now (unless one is training); it becomes current only if it cross-validates better")
        .Produces<TrainingStatus>(StatusCodes.Status202Accepted);
    }
}
