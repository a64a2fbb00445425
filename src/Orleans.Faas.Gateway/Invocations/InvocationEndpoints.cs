using Microsoft.Extensions.Options;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Tasks;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Keys;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Invocations;

public static class InvocationEndpoints
{
    // Any content type is accepted: the body is passed on as bytes, untouched.
    private const string StandardInput = "The request body, of any content type, is the function's standard input. " + InvocationQuery.Description
        + " " + IdempotencyKey.Description + " " + QueuesFull;

    /// <summary>When an invocation answers 429.</summary>
    private const string QueuesFull = "When every provider that could run the task has a full queue (Faas:Worker:MaxQueued), nothing is created and the "
        + "answer is a 429 problem with Retry-After: the seconds until a place is expected to free up (the soonest predicted end of a run there, at least 1).";

    public static void MapInvocationEndpoints(this RouteGroupBuilder v1)
    {
        var functions = v1.MapGroup("/functions/{name}").WithTags("Invocations").RequireRole(ApiKeyRole.Invoker);

        functions.MapPost("/invocations", async (
            string name, string? provider, long? inputSize, string? features, string? deadlineSeconds, string? callbackUrl, HttpRequest request, NamespaceScope scope, Invoker invoker, CallbackUrlPolicy callbacks,
            CancellationToken ct) =>
        {
            var taskId = await invoker.Invoke(scope, name, InvocationQuery.Options(provider, inputSize, features, deadlineSeconds, callbackUrl, callbacks), request, ct);
            return Results.Accepted(TaskUrls.Status(taskId), InvocationAccepted.For(taskId, TaskState.Queued));
        })
        .WithSummary("Invoke asynchronously")
        .WithDescription(StandardInput)
        .Produces<InvocationAccepted>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        functions.MapPost("/invoke", async (
            string name, string? provider, long? inputSize, string? features, string? deadlineSeconds, string? callbackUrl, HttpContext context, NamespaceScope scope, Invoker invoker, IGrainFactory grains,
            IOptions<GatewayOptions> options, CallbackUrlPolicy callbacks, TimeProvider clock) =>
        {
            var ct = context.RequestAborted;
            var taskId = await invoker.Invoke(scope, name, InvocationQuery.Options(provider, inputSize, features, deadlineSeconds, callbackUrl, callbacks), context.Request, ct);
            var task = grains.GetGrain<ITaskGrain>(taskId);
            var result = await SyncWait.Until(async slice => await task.WaitForResult(slice) ?? throw new TaskNotFoundException(taskId),
                r => r.Task.IsFinished, options.Value.SyncWait, clock, ct);
            var snapshot = result.Task;
            if (!snapshot.IsFinished)
                return Results.Accepted(TaskUrls.Status(taskId), InvocationAccepted.For(taskId, snapshot.Status));
            if (snapshot.Status == TaskState.Failed)
                return TaskOutcomeResults.Failed(result, TaskOutcomeResults.StatusOfFailedInvoke(snapshot));
            return TaskOutcomeResults.Completed(context, result);
        })
        .WithSummary("Invoke and wait for the output; answers 202 with the task id when the wait runs out first")
        .WithDescription(StandardInput)
        .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
        .Produces<InvocationAccepted>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
