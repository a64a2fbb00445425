using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Tasks;

public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this RouteGroupBuilder v1)
    {
        var tasks = v1.MapGroup("/tasks").WithTags("Tasks");

        tasks.MapGet("/{id:guid}", async (Guid id, double? waitSeconds, IGrainFactory grains) =>
        {
            var task = grains.GetGrain<ITaskGrain>(id);
            var snapshot = waitSeconds is { } wait ? await task.WaitUntilFinished(LongPoll.Of(wait)) : await task.GetSnapshot();
            return Results.Ok(TaskResponse.From(snapshot ?? throw new TaskNotFoundException(id)));
        })
        .WithSummary("Get a task's status, timestamps, provider, attempts and cost; with waitSeconds, wait up to that long for it to finish first")
        .Produces<TaskResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapPost("/{id:guid}/cancel", async (Guid id, IGrainFactory grains) =>
            Results.Ok(TaskResponse.From(await grains.GetGrain<ITaskGrain>(id).Cancel() ?? throw new TaskNotFoundException(id))))
        .WithSummary("Cancel a queued or running task: it FAILS with reason 'cancelled' and its container or process is gone")
        .Produces<TaskResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        tasks.MapGet("/{id:guid}/result", async (Guid id, IGrainFactory grains, HttpContext context) =>
        {
            var result = await grains.GetGrain<ITaskGrain>(id).GetResult() ?? throw new TaskNotFoundException(id);
            return result.Task.Status switch
            {
                TaskState.Completed => TaskOutcomeResults.Completed(context, result),
                TaskState.Failed => TaskOutcomeResults.Failed(result.Task, StatusCodes.Status409Conflict),
                _ => TaskOutcomeResults.NotFinished(result.Task),
            };
        })
        .WithSummary("Get a completed task's output (the function's standard output)")
        .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        tasks.MapGet("/{id:guid}/logs", async (Guid id, IGrainFactory grains) =>
        {
            var result = await grains.GetGrain<ITaskGrain>(id).GetResult() ?? throw new TaskNotFoundException(id);
            return result.Task.IsFinished ? Results.Text(result.Logs, "text/plain; charset=utf-8") : TaskOutcomeResults.NotFinished(result.Task);
        })
        .WithSummary("Get a finished task's logs: the tail of its standard error, then of any standard output beyond the result limit, each behind a truncation marker when cut")
        .Produces(StatusCodes.Status200OK, contentType: "text/plain")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
