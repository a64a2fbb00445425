using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Benchmarks;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Gateway.Secrets;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Compat.BenchmarkController;

/// <summary>
/// The Benchmark Platform Controller's API (<c>/api/v1.0</c>) over the platform's benchmark jobs: one job at a time in
/// the cluster, the busy answer a wait estimated from the running job, and a result set from outside ending a job.
/// </summary>
public static class BenchmarkControllerEndpoints
{
    public static void MapBenchmarkControllerEndpoints(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("/api/v1.0").RequireRole(ApiKeyRole.Admin);

        api.MapPost("/run_benchmark", async (HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var job = (await body.ReadJson<RunBenchmarkBody>(request, ct)).ToRequest(scope);
            if (job.Overrides?.Secrets is { } datasets)
                await SecretCheck.ThrowIfMissingAsync(grains, scope.Namespace, datasets, "datasets", errors => new InvalidBenchmarkRequestException(errors));
            try
            {
                var started = await BenchmarkEndpoints.Slot(grains).Start(job);
                return Results.Ok(new Dictionary<string, object> { ["result_id"] = started.Id });
            }
            catch (BenchmarkSlotBusyException busy)
            {
                return Results.Ok(new Dictionary<string, object> { ["wait"] = Math.Ceiling(busy.WaitSeconds) });
            }
        })
        .WithSummary("Start a benchmark of a function version with service overrides: {result_id}, or {wait: seconds} while another job runs")
        .Accepts<RunBenchmarkBody>("application/json")
        .Produces<Dictionary<string, object>>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/get_result/{id:guid}", async (Guid id, IGrainFactory grains) =>
            Results.Ok(BenchmarkResultResponse.From(await Job(grains, id).GetSnapshot() ?? throw new BenchmarkNotFoundException(id))))
        .WithSummary("A benchmark's status (RUNNING, CLEANUP, FINISHED or FAILED) and, once finished, its result")
        .Produces<BenchmarkResultResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/set_result/{id:guid}", async (Guid id, HttpRequest request, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var result = await body.ReadJson<JsonNode>(request, ct);
            var ended = await Job(grains, id).SetResult(result.ToJsonString()) ?? throw new BenchmarkNotFoundException(id);
            return Results.Ok(BenchmarkResultResponse.From(ended));
        })
        .WithSummary("Set a running benchmark's result: its runs stop, it cleans up, ends FINISHED with this result and frees the slot")
        .Accepts<JsonElement>("application/json")
        .Produces<BenchmarkResultResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IBenchmarkGrain Job(IGrainFactory grains, Guid id) => grains.GetGrain<IBenchmarkGrain>(id);
}
