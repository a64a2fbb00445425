using Orleans.Faas.Benchmarks;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Benchmarks;

public static class BenchmarkEndpoints
{
    public static void MapBenchmarkEndpoints(this RouteGroupBuilder v1)
    {
        var benchmarks = v1.MapGroup("/benchmarks").WithTags("Benchmarks").RequireRole(ApiKeyRole.Admin);

        benchmarks.MapPost("/", async (HttpRequest request, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
            BenchmarkAccepted.For(await Slot(grains).Start((await body.ReadJson<BenchmarkRequestBody>(request, ct)).ToRequest())))
        .WithSummary("Start a benchmark job: providers (the platform's workloads, for efficiency scores), a function profile, or a user workload; one job runs at a time")
        .Accepts<BenchmarkRequestBody>("application/json")
        .Produces<BenchmarkAccepted>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        benchmarks.MapGet("/", async (IGrainFactory grains) =>
        {
            var ids = await Slot(grains).Recent();
            var jobs = await Task.WhenAll(ids.Select(id => grains.GetGrain<IBenchmarkGrain>(id).GetSnapshot()));
            return Results.Ok(jobs.OfType<BenchmarkSnapshot>().ToList());
        })
        .WithSummary("The latest benchmark jobs, newest first")
        .Produces<List<BenchmarkSnapshot>>();

        benchmarks.MapGet("/{id:guid}", async (Guid id, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IBenchmarkGrain>(id).GetSnapshot() ?? throw new BenchmarkNotFoundException(id)))
        .WithSummary("A benchmark job's status (QUEUED, RUNNING, CLEANUP, FINISHED, FAILED), progress and results")
        .Produces<BenchmarkSnapshot>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        benchmarks.MapPost("/{id:guid}/cancel", async (Guid id, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IBenchmarkGrain>(id).Cancel() ?? throw new BenchmarkNotFoundException(id)))
        .WithSummary("Stop a benchmark job: its runs are stopped, its containers removed, and it FAILS as cancelled")
        .Produces<BenchmarkSnapshot>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static IBenchmarkSlotGrain Slot(IGrainFactory grains) => grains.GetGrain<IBenchmarkSlotGrain>(IBenchmarkSlotGrain.ClusterKey);
}
