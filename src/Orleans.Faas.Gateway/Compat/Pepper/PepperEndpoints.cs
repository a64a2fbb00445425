using System.Text.Json;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Keys;
using Orleans.Faas.Predictions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Compat.Pepper;

/// <summary>The PEPPER profiler's API: where would this model run fastest now? Answered by the platform's own predictions.</summary>
public static class PepperEndpoints
{
    // A model's run time follows its characteristics, which the invocation carries as features, not its input's bytes.
    private const long InputSize = 0;

    public static void MapPepperEndpoints(this RouteGroupBuilder group) =>
        group.MapPost("/api/profiling", async (JsonElement body, NamespaceScope scope, IGrainFactory grains) =>
        {
            if (ModelCharacteristics.Read(body, out var problems) is not { } model)
                return Results.ValidationProblem(problems, title: "The model characteristics are invalid.");
            var function = scope.Qualify(model.Model) ?? throw new FunctionNotFoundException(model.Model);
            var report = await grains.GetGrain<IPredictionGrain>(0).Predict(function, InputSize, model.Features);
            if (report.Providers.FirstOrDefault(p => p.Fits) is not { } best)
                return Results.Problem($"No ready provider can run '{model.Model}' right now.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "No provider can run this function.");
            var node = await grains.GetGrain<IProviderDirectoryGrain>(0).Get(best.Provider) ?? throw new ProviderNotFoundException(best.Provider);
            return Results.Ok(new ProfilingAnswer(
                ProfilingAnswer.Received,
                model.Given,
                new ProfilingPrediction(node.Facts.DeviceClass, node.Facts.DeviceModel, model.Model, node.Id, node.Facts.MachineId, best.ExpectedFinishMs / 1000),
                ProfilingAnswer.Success));
        })
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("PEPPER: the node where a model would run fastest now, from the runtime model, its characteristics being the declared features of the function 'model' names")
        .Accepts<ProfilingRequest>("application/json")
        .Produces<ProfilingAnswer>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
