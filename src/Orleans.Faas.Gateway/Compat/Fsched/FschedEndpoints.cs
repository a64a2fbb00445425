using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Benchmarks;
using Orleans.Faas.Gateway.Functions;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Compat.Fsched;

/// <summary>
/// Fsched's master API over the platform: tasks are functions run by its placement (their profile at the input size,
/// when there is one), benchmarks are profile jobs, and workers are the silos in Orleans membership.
/// </summary>
public static class FschedEndpoints
{
    public static void MapFschedEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/controller/task/new", async (HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
                throw new MalformedRequestException($"The request must be a multipart form with the task in its '{TaskUploadForm.FilePart}' part.");
            var form = await FunctionUpload.ReadFormAsync(request, body, ct);
            var file = form.Files.GetFile(TaskUploadForm.FilePart) ?? throw new MalformedRequestException($"No file was given: the form has no '{TaskUploadForm.FilePart}' part.");
            var id = await FschedTasks.CreateAsync(grains, scope, new CodeFile(Path.GetFileName(file.FileName), await FunctionUpload.ReadAllAsync(file, ct)));
            return Results.Ok(new Dictionary<string, string> { ["task_id"] = id });
        })
        .RequireRole(ApiKeyRole.Developer)
        .WithSummary("Upload a task file (multipart 'file'): it is stored with the task, and its id answered")
        .AddOpenApiOperationTransformer(TaskUploadForm.Describe)
        .Produces<Dictionary<string, string>>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapPost("/controller/task/run", async (
            HttpRequest request, NamespaceScope scope, RequestBody body, Invoker invoker, IGrainFactory grains, IOptions<GatewayOptions> options,
            TimeProvider clock, CancellationToken ct) =>
        {
            var (command, taskId, inputSize) = (await body.ReadJson<TaskCommandBody>(request, ct)).Required();
            await FschedTasks.WithCommandAsync(grains, scope, taskId, command);
            var run = await invoker.Invoke(scope, FschedTasks.FunctionOf(taskId), new InvocationOptions(InputSize: inputSize), [], request, ct);
            var task = grains.GetGrain<ITaskGrain>(run);
            var result = await SyncWait.Until(async slice => await task.WaitForResult(slice) ?? throw new TaskNotFoundException(run),
                r => r.Task.IsFinished, options.Value.SyncWait, clock, ct);
            return Results.Ok(TaskRunResponse.From(taskId, result));
        })
        .RequireRole(ApiKeyRole.Invoker)
        .WithSummary("Run a task's command (sh -c) with its file in the working folder, placed for its input size; profiled or not")
        .Accepts<TaskCommandBody>("application/json")
        .Produces<TaskRunResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/controller/task/benchmark", async (
            HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, TimeProvider clock, CancellationToken ct) =>
        {
            var (command, taskId, inputSize) = (await body.ReadJson<TaskCommandBody>(request, ct)).Required();
            var version = await FschedTasks.WithCommandAsync(grains, scope, taskId, command);
            var started = await BenchmarkEndpoints.Slot(grains).Start(TaskBenchmark.ProfileAt(version.Definition.Name, inputSize));
            var job = await TaskBenchmark.WaitAsync(grains, started.Id, TaskBenchmark.Wait, clock, ct);
            return job switch
            {
                { Status: BenchmarkStatus.Finished } => Results.Ok(new BenchmarkAnswer("Benchmarking was successful and task is ready for execution",
                    new ExecTime(inputSize, string.Create(CultureInfo.InvariantCulture, $"{job.Results.Single(r => r.CacheWays is null).Stats.WallMs:0}ms")), job.Id)),
                { Status: BenchmarkStatus.Failed } => Results.Problem(job.Error, statusCode: StatusCodes.Status502BadGateway, title: "Benchmarking the task failed."),
                _ => BenchmarkAccepted.For(job),
            };
        })
        .RequireRole(ApiKeyRole.Admin)
        .WithSummary("Profile a task's command at an input size (a profile job on the reference provider) and answer its median run time")
        .Accepts<TaskCommandBody>("application/json")
        .Produces<BenchmarkAnswer>()
        .Produces<BenchmarkAccepted>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status502BadGateway);

        group.MapGet("/cluster/workers", async (IGrainFactory grains) =>
            Results.Ok(new Dictionary<string, IReadOnlyList<Worker>> { ["workers"] = await ClusterWorkers.ListAsync(grains) }))
        .RequireRole(ApiKeyRole.Admin)
        .WithSummary("The workers: the active silos in Orleans membership, by node name and address")
        .Produces<Dictionary<string, IReadOnlyList<Worker>>>();

        group.MapPost("/cluster/worker/add", async (HttpRequest request, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var host = (await body.ReadJson<WorkerAddBody>(request, ct)).Host;
            if (string.IsNullOrWhiteSpace(host))
                throw new MalformedRequestException("The key 'host' is missing.");
            return await ClusterWorkers.FindAsync(grains, host, ct) is { } worker
                ? Results.Ok(new WorkerAddAnswer("worker node is in the cluster", worker.Id, worker.Host))
                : Results.Problem(WorkerAddAnswer.HowToJoin(host), statusCode: StatusCodes.Status404NotFound, title: "No silo on that host is in the cluster.");
        })
        .RequireRole(ApiKeyRole.Admin)
        .WithSummary("Whether the silo on a host is in the cluster; a node joins by starting its silo against the cluster, never by this call")
        .Accepts<WorkerAddBody>("application/json")
        .Produces<WorkerAddAnswer>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
