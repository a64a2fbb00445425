using System.Collections.Immutable;
using System.Globalization;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Benchmarks;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Compat.ChainFaas;

/// <summary>
/// The ChainFaaS scheduler's API: services are functions, its providers the platform's providers, scored against the
/// reference by the platform's provider benchmarks, and a service's reference stats its profile on the reference.
/// </summary>
public static class ChainFaasEndpoints
{
    public static void MapChainFaasEndpoints(this RouteGroupBuilder chainfaas)
    {
        chainfaas.MapPost("/developers/run_service/{service_id}", async (
            string service_id, HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, ServiceRun runs, CancellationToken ct) =>
        {
            var run = await body.ReadJson<RunServiceRequest>(request, ct);
            var max = runs.MaxInvocations(run.Chained == true);
            if (run.Invocations is var count && (count < 1 || count > max))
                throw new MalformedRequestException($"numberOfInvocations must be between 1 and {max}{(run.Chained == true ? " when chained" : "")}.");
            var function = await Services.ResolveAsync(grains, scope, service_id);
            var answer = await runs.Run(scope, function, run, request, ct);
            return answer.Status == "RUNNING" ? Results.Json(answer, statusCode: StatusCodes.Status202Accepted) : Results.Ok(answer);
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Run a service (a function, by name or by serviceId) once, or numberOfInvocations times as a batch, or chained (each output the next input) as a chain run")
        .WithDescription("Waits up to Faas:Gateway:SyncWait for the end: 200 with every invocation's task, provider and times; "
            + "202 with status RUNNING and status_url when the wait ran out first.")
        .Accepts<RunServiceRequest>("application/json")
        .Produces<RunServiceResponse>()
        .Produces<RunServiceResponse>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        chainfaas.MapGet("/providers/calculate_efficiency/{provider_id}", async (string provider_id, IGrainFactory grains, TimeProvider clock) =>
        {
            var provider = await grains.GetGrain<IProviderDirectoryGrain>(0).Get(provider_id) ?? throw new ProviderNotFoundException(provider_id);
            if (provider.Scores is { } scores)
                return Results.Ok(EfficiencyResponse.From(provider.Id, scores, clock.GetUtcNow()));
            var request = new BenchmarkRequest(BenchmarkKind.Providers, [provider.Id], null, [], BenchmarkRequestBody.DefaultRepetitions,
                ImmutableDictionary<long, byte[]>.Empty, null, BenchmarkRequestBody.DefaultTimeout, null);
            return await Started(grains, request, $"Measuring provider '{provider.Id}' against the reference; ask again once the benchmark finished");
        })
        .RequireRole(ApiKeyRole.Admin)
        .WithSummary("A provider's CPU and memory efficiency against the reference; a provider not measured yet is measured first (a provider benchmark job)")
        .WithDescription("200 with the scores; 202 with the benchmark job started to measure them; 409 {\"wait\": seconds} while another job holds the benchmark slot.")
        .Produces<EfficiencyResponse>()
        .Produces<BenchmarkStarted>(StatusCodes.Status202Accepted)
        .Produces<SlotWait>(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        chainfaas.MapPost("/providers/set_reference_stats_for_service/{service_id?}", async (
            string? service_id, HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var bytes = await body.ReadBytes(request, ct);
            var stats = bytes.Length == 0 ? new ReferenceStatsRequest(null, null) : body.ParseJson<ReferenceStatsRequest>(bytes);
            var service = service_id ?? stats.Service ?? throw new MalformedRequestException("Name the service: in the path, or as service_id in the body.");
            var function = await Services.ResolveAsync(grains, scope, service);
            return await Started(grains, stats.ToProfile(function), $"Running service '{service}' on the reference provider; its profile is its reference stats");
        })
        .RequireRole(ApiKeyRole.Admin)
        .WithSummary("Profile a service on the reference provider (a profile benchmark job), by the path's service id or the body's service_id")
        .WithDescription("The body may carry input, the input to profile it with; without one it runs on an empty input. "
            + "202 with the job; 409 {\"wait\": seconds} while another job holds the benchmark slot.")
        .Accepts<ReferenceStatsRequest>("application/json")
        .Produces<BenchmarkStarted>(StatusCodes.Status202Accepted)
        .Produces<SlotWait>(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Starts the job in the benchmark slot: 202 with it, or 409 <c>{"wait": seconds}</c> and Retry-After while the slot is busy.</summary>
    private static async Task<IResult> Started(IGrainFactory grains, BenchmarkRequest request, string state)
    {
        try
        {
            var job = await BenchmarkEndpoints.Slot(grains).Start(request);
            var url = BenchmarkAccepted.UrlOf(job.Id);
            return Results.Accepted(url, new BenchmarkStarted(state, job.Id, url));
        }
        catch (BenchmarkSlotBusyException busy)
        {
            return new SlotBusyResult(busy.WaitSeconds);
        }
    }

    private sealed class SlotBusyResult(double wait) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait).ToString(CultureInfo.InvariantCulture);
            return Results.Json(new SlotWait(wait), statusCode: StatusCodes.Status409Conflict).ExecuteAsync(context);
        }
    }
}
