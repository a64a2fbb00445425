using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Keys;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Tasks;

public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this RouteGroupBuilder v1)
    {
        var tasks = v1.MapGroup("/tasks").WithTags("Tasks");

        tasks.MapGet("/", async (string? status, string? function, string? provider, int? limit, NamespaceScope scope, IGrainFactory grains) =>
            Results.Ok(await TaskList.Read(scope, status, function, provider, limit, grains)))
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("List the namespace's tasks, one entry per attempt: those queued or running on a provider now, then the latest finished ones; filtered by status, function and provider")
        .WithDescription(TaskList.Description)
        .Produces<IReadOnlyList<TaskListEntry>>()
        .ProducesValidationProblem();

        tasks.MapGet("/{id:guid}", async (Guid id, double? waitSeconds, NamespaceScope scope, IGrainFactory grains) =>
        {
            var wait = waitSeconds is { } seconds ? LongPoll.Wait(seconds) : (TimeSpan?)null;
            var task = grains.GetGrain<ITaskGrain>(id);
            // Another namespace's task is not found, before any wait, so that waiting tells nothing about it either.
            var snapshot = Visible(scope, id, await task.GetSnapshot(), s => s);
            if (wait is { } patience)
                snapshot = await task.WaitUntilFinished(patience) ?? throw new TaskNotFoundException(id);
            return Results.Ok(TaskResponse.From(snapshot));
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Get a task's status, timestamps, provider, attempts and cost; with waitSeconds, wait up to that long for it to finish first")
        .Produces<TaskResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapPost("/{id:guid}/cancel", async (Guid id, NamespaceScope scope, IGrainFactory grains) =>
        {
            var task = grains.GetGrain<ITaskGrain>(id);
            Visible(scope, id, await task.GetSnapshot(), s => s);
            return Results.Ok(TaskResponse.From(await task.Cancel() ?? throw new TaskNotFoundException(id)));
        })
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Cancel a queued or running task: it FAILS with reason 'cancelled', and its container or process is stopped")
        .Produces<TaskResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        tasks.MapGet("/{id:guid}/result", async (Guid id, NamespaceScope scope, IGrainFactory grains, HttpContext context) =>
        {
            var result = Visible(scope, id, await grains.GetGrain<ITaskGrain>(id).GetResult(), r => r.Task);
            return result.Task.Status switch
            {
                TaskState.Completed => TaskOutcomeResults.Completed(context, result),
                TaskState.Failed => TaskOutcomeResults.Failed(result, StatusCodes.Status409Conflict),
                _ => TaskOutcomeResults.NotFinished(result.Task),
            };
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Get a completed task's output (the function's standard output)")
        .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        tasks.MapGet("/{id:guid}/logs", async (Guid id, NamespaceScope scope, IGrainFactory grains) =>
        {
            var result = Visible(scope, id, await grains.GetGrain<ITaskGrain>(id).GetResult(), r => r.Task);
            return result.Task.IsFinished ? Results.Text(result.Logs, "text/plain; charset=utf-8") : TaskOutcomeResults.NotFinished(result.Task);
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Get a finished task's logs: the tail of its standard error, then of any standard output beyond the result limit, each behind a truncation marker when cut")
        .Produces(StatusCodes.Status200OK, contentType: "text/plain")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>What was found of task <paramref name="id"/>, when the caller may see its namespace; else the task is not found.</summary>
    private static T Visible<T>(NamespaceScope scope, Guid id, T? found, Func<T, TaskSnapshot> snapshot)
        where T : class =>
        found is not null && scope.MaySee(snapshot(found).Function) ? found : throw new TaskNotFoundException(id);
}
