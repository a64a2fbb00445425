using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Orleans.Faas.Batches;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.HttpModel.Batches;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.Keys;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Batches;

public static class BatchEndpoints
{
    private const int MaxLimit = 1000;

    private const string Body = "The body is a JSON array of items, or with Content-Type application/x-ndjson one item a line; an item is a JSON "
        + "string (its UTF-8 bytes are one input) or {\"base64\": \"...\"}. One task per item, each placed on its own, at most Faas:Gateway:MaxBatchItems. "
        + "A bad item is a 400 validation problem naming items[i], and nothing is created. ?provider=, ?inputSize=, ?features= and ?deadlineSeconds= apply to every task "
        + "(a deadline counts from each task's own submission); "
        + "?callbackUrl= is POSTed the batch (as GET shows it, without items) when every task has finished, signed like an invocation's callback. "
        + "When its first task finds no room in any queue, the batch is refused with 429 and Retry-After and nothing is created; later items that "
        + "find no room wait in the batch, QUEUED without a task yet, and are submitted as places free up. "
        + "With an Idempotency-Key header (1-255 visible ASCII characters), a retry within Faas:Gateway:IdempotencyWindow answers with the batch "
        + "the first request started and starts nothing again; the same key with another body is refused (422).";

    private const string Reading = "Counts by status, whether every task finished, and the silo the batch is active on (host). Items in input order (index, taskId, status, output as UTF-8 text "
        + "or base64 as outputEncoding says, failureReason, error) come once it finished, or whenever ?offset= or ?limit= (1-1000, default 1000) asks; "
        + "a page with more after it carries an RFC 8288 Link header, <...>; rel=\"next\". ?waitSeconds= (up to 20) waits for the batch to finish first.";

    public static void MapBatchEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/functions/{name}/batches", async (
            string name, string? provider, long? inputSize, string? features, string? deadlineSeconds, string? callbackUrl, HttpRequest request, NamespaceScope scope, RequestBody body,
            IOptions<GatewayOptions> options, NamespaceAdmission admission, IGrainFactory grains, CallbackUrlPolicy callbacks, CancellationToken ct) =>
        {
            var function = scope.Qualify(name) ?? throw new FunctionNotFoundException(name);
            var invocation = InvocationQuery.Options(provider, inputSize, features, deadlineSeconds, callbackUrl, callbacks);
            var bytes = await body.ReadBytes(request, ct);
            var inputs = BatchInputs.Read(bytes, request.ContentType, options.Value.MaxBatchItems);
            // A batch is started under its id at most once, so a retry with the key finds the batch it started.
            var id = await IdempotencyKey.IdFor(request, $"{function}\nbatches", bytes, grains, options.Value.IdempotencyWindow, ct);
            await admission.Admit(scope.Namespace, new AdmittedWork(id, AdmittedWorkKind.Batch, inputs.Length));
            var batch = await grains.GetGrain<IBatchGrain>(id)
                .Start(new BatchRequest(function, inputs, invocation with { CallbackUrl = null }, invocation.CallbackUrl));
            return Results.Accepted(BatchUrls.Status(batch.Id), BatchAccepted.For(batch));
        })
        .WithTags("Batches")
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Invoke a function once per input in one request: a batch of tasks, followed at its statusUrl")
        .WithDescription(Body)
        .Produces<BatchAccepted>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        v1.MapGet("/batches/{id:guid}", async (Guid id, int? offset, int? limit, double? waitSeconds, HttpContext context, NamespaceScope scope, IGrainFactory grains) =>
        {
            if (offset < 0)
                throw new InvalidQueryException("offset", "offset must not be negative.");
            if (limit is < 1 or > MaxLimit)
                throw new InvalidQueryException("limit", $"limit must be between 1 and {MaxLimit}.");
            var wait = waitSeconds is { } seconds ? LongPoll.Wait(seconds) : (TimeSpan?)null;
            var batch = grains.GetGrain<IBatchGrain>(id);
            // Another namespace's batch is not found, before any wait, so that waiting tells nothing about it either.
            var snapshot = await batch.GetSnapshot() is { } seen && scope.MaySee(seen.Function) ? seen : throw new BatchNotFoundException(id);
            if (wait is { } patience)
                snapshot = await batch.WaitUntilFinished(patience) ?? throw new BatchNotFoundException(id);
            if (!snapshot.IsFinished && offset is null && limit is null)
                return Results.Ok(BatchResponse.From(snapshot));

            var from = offset ?? 0;
            var take = limit ?? MaxLimit;
            var items = await batch.GetItems(from, take) ?? throw new BatchNotFoundException(id);
            if (from + items.Length < snapshot.Total)
                context.Response.Headers.Link = $"<{NextPage(context.Request, from + items.Length, take)}>; rel=\"next\"";
            return Results.Ok(BatchResponse.From(snapshot, items));
        })
        .WithTags("Batches")
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Get a batch: counts by status and, once it finished or when paged, its items in input order")
        .WithDescription(Reading)
        .Produces<BatchResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static string NextPage(HttpRequest request, int offset, int limit) =>
        QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", new Dictionary<string, string?>
        {
            ["offset"] = offset.ToString(CultureInfo.InvariantCulture),
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
        });
}
