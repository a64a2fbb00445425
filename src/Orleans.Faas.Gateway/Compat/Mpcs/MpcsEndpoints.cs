using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Functions;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Compat.Mpcs;

/// <summary>
/// MPCS FaaS's API: a registered function is a <c>python</c> function with a <c>pickled</c> callable, named after its
/// function id; an execution is one of its tasks, the task id MPCS's own.
/// </summary>
public static class MpcsEndpoints
{
    /// <summary>The environment variable that keeps the name MPCS registered the function under.</summary>
    public const string NameVariable = "MPCS_FUNCTION_NAME";

    private const int MaxNameLength = 255;

    public static void MapMpcsEndpoints(this RouteGroupBuilder mpcs)
    {
        mpcs.AddEndpointFilter<MpcsProblems>();

        mpcs.MapPost("/register_function", async (HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var register = await body.ReadJson<RegisterFn>(request, ct);
            if (string.IsNullOrWhiteSpace(register.Name) || register.Name.Length > MaxNameLength || register.Name.Any(char.IsControl))
                throw new MalformedRequestException($"'name' is required: 1 to {MaxNameLength} characters, none of them control characters.");
            var pickled = MpcsPayload.Checked(register.Payload, "payload");
            var id = Guid.NewGuid();
            var definition = new FunctionDefinition(
                MpcsFunctionId.FunctionName(id), FunctionRuntime.Python, null, [],
                ImmutableDictionary<string, string>.Empty.Add(NameVariable, register.Name), 0, 0, FunctionDefinition.DefaultTimeout, Pickled: pickled);
            // Its code check unpickles the callable in a container of the Python image: a payload that does not load is a 400 with Python's error.
            await FunctionRegistrar.RegisterAsync(grains, scope, definition);
            return Results.Ok(new RegisterFnRep(id));
        })
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Register a dill-pickled Python callable (base64 in 'payload'): a python function named mpcs-{function_id}")
        .Accepts<RegisterFn>("application/json")
        .Produces<RegisterFnRep>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        mpcs.MapPost("/execute_function", async (HttpRequest request, NamespaceScope scope, RequestBody body, Invoker invoker, CancellationToken ct) =>
        {
            var execute = await body.ReadJson<ExecuteFnReq>(request, ct);
            var arguments = MpcsPayload.Checked(execute.Payload, "payload");
            var taskId = await invoker.Invoke(scope, MpcsFunctionId.FunctionName(execute.FunctionId), InvocationOptions.Default, Encoding.ASCII.GetBytes(arguments), request, ct);
            return Results.Ok(new ExecuteFnRep(taskId));
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Run a registered function on a dill-pickled (args, kwargs) tuple (base64 in 'payload'); the task runs asynchronously")
        .Accepts<ExecuteFnReq>("application/json")
        .Produces<ExecuteFnRep>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        mpcs.MapGet("/status/{task_id}", async (string task_id, NamespaceScope scope, IGrainFactory grains) =>
        {
            var task = TaskId(task_id);
            var snapshot = Visible(task, scope, await grains.GetGrain<ITaskGrain>(task).GetSnapshot());
            return Results.Ok(new TaskStatusRep(task, Status(snapshot)));
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("A task's status: QUEUED, RUNNING, COMPLETED or FAILED")
        .Produces<TaskStatusRep>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status502BadGateway);

        mpcs.MapGet("/result/{task_id}", async (string task_id, NamespaceScope scope, IGrainFactory grains) =>
        {
            var task = TaskId(task_id);
            var result = await grains.GetGrain<ITaskGrain>(task).GetResult();
            var snapshot = Visible(task, scope, result?.Task);
            var pickled = snapshot.Status switch
            {
                TaskState.Completed => Encoding.ASCII.GetString(result!.Output),
                TaskState.Failed => FailurePickle.Of(result!),
                _ => null,
            };
            return Results.Ok(new TaskResultRep(task, Status(snapshot), pickled));
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("A task's status and result: base64 of the dill-pickled return value, or of the exception when it FAILED; null until it finished")
        .Produces<TaskResultRep>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status502BadGateway);
    }

    /// <summary>Task ids are UUIDs: any other id names no task.</summary>
    private static Guid TaskId(string raw) => Guid.TryParse(raw, out var id) ? id : throw new MpcsUnknownTaskException(raw);

    /// <summary>A task of an MPCS function the caller may see; any other task is not found here.</summary>
    private static TaskSnapshot Visible(Guid id, NamespaceScope scope, TaskSnapshot? snapshot) =>
        snapshot is not null && scope.MaySee(snapshot.Function) && MpcsFunctionId.IsMpcsFunction(QualifiedName.LocalName(snapshot.Function))
            ? snapshot
            : throw new TaskNotFoundException(id);

    private static string Status(TaskSnapshot task) => task.Status.ToString().ToUpperInvariant();
}
