using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Options;
using Orleans.Faas.Batches;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Chains;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.HttpModel.Batches;
using Orleans.Faas.HttpModel.Chains;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Compat.ChainFaas;

/// <summary>
/// Runs a service the way ChainFaaS's <c>run_service</c> did, on the platform's own machinery: once as a task, N times
/// as a batch, N times chained as a chain run of N steps of the function (made for the call, under the function's name,
/// so <c>GET /v1/chains/{function}/runs/{id}</c> shows it). It waits up to <c>Faas:Gateway:SyncWait</c> for the end.
/// </summary>
public sealed class ServiceRun(IGrainFactory grains, Invoker invoker, NamespaceAdmission admission, IOptions<GatewayOptions> options, TimeProvider clock)
{
    /// <param name="function">The qualified name of a function that exists (<see cref="Services.ResolveAsync"/>).</param>
    public async Task<RunServiceResponse> Run(NamespaceScope scope, string function, RunServiceRequest request, HttpRequest http, CancellationToken ct)
    {
        var input = request.InputBytes();
        var count = request.Invocations;
        if (count == 1)
            return await Once(scope, function, input, http, ct);
        return request.Chained == true
            ? await Chained(function, count, input, ct)
            : await Batch(scope, function, count, input, ct);
    }

    /// <summary>The most invocations one call may ask for: a chain's steps, or a batch's items.</summary>
    public int MaxInvocations(bool chained) => chained ? ChainDefinitionValidator.MaxSteps : options.Value.MaxBatchItems;

    private async Task<RunServiceResponse> Once(NamespaceScope scope, string function, byte[] input, HttpRequest http, CancellationToken ct)
    {
        var taskId = await invoker.Invoke(scope, QualifiedName.LocalName(function), InvocationOptions.Default, input, http, ct);
        var task = grains.GetGrain<ITaskGrain>(taskId);
        var result = await Wait(async slice => await task.WaitForResult(slice) ?? throw new TaskNotFoundException(taskId), r => r.Task.IsFinished, ct);
        var report = InvocationReport.From(result.Task, result.Output);
        return new RunServiceResponse(report.Result, report.ProvidingTime, report.PullTime, report.RunTime, report.TotalTime, report.Provider,
            taskId, QualifiedName.LocalName(function), "single", report.Status, TaskUrls.Status(taskId), report.Error, [report]);
    }

    private async Task<RunServiceResponse> Batch(NamespaceScope scope, string function, int count, byte[] input, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await admission.Admit(scope.Namespace, new AdmittedWork(id, AdmittedWorkKind.Batch, count));
        var batch = grains.GetGrain<IBatchGrain>(id);
        await batch.Start(new BatchRequest(function, [.. Enumerable.Repeat(input, count)], InvocationOptions.Default));
        var snapshot = await Wait(async slice => await batch.WaitUntilFinished(slice) ?? throw new BatchNotFoundException(id), b => b.IsFinished, ct);
        var items = await Items(batch, id, snapshot.Total);
        var reports = (await Task.WhenAll(items.Select(item => Report(item.TaskId, item.Output)))).OfType<InvocationReport>().ToArray();
        var status = !snapshot.IsFinished ? "RUNNING" : snapshot.Failed > 0 ? "FAILED" : "COMPLETED";
        return Summed(reports, items.Select(i => i.Status == TaskState.Completed && i.Output is { } o ? Encoding.UTF8.GetString(o) : null).ToList(),
            snapshot.CreatedAt, snapshot.FinishedAt, id, function, "batch", status, BatchUrls.Status(id),
            reports.FirstOrDefault(r => r.Error is not null)?.Error);
    }

    private async Task<RunServiceResponse> Chained(string function, int count, byte[] input, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var run = grains.GetGrain<IChainRunGrain>(id);
        await run.Start(new ChainRunRequest(function, 0, [.. Enumerable.Repeat(new ChainStep(function), count)], input));
        var snapshot = await Wait(async slice => await run.WaitUntilFinished(slice) ?? throw new ChainRunNotFoundException(function, id), r => r.IsFinished, ct);
        var reports = (await Task.WhenAll(snapshot.Steps.Where(s => s.TaskId is not null).Select(async s =>
            await Report(s.TaskId!.Value, (await grains.GetGrain<ITaskGrain>(s.TaskId.Value).GetResult())?.Output)))).OfType<InvocationReport>().ToArray();
        var output = snapshot.Output is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        return Summed(reports, output, snapshot.CreatedAt, snapshot.FinishedAt, id, function, "chain",
            snapshot.Status.ToString().ToUpperInvariant(), ChainRunUrls.Status(QualifiedName.LocalName(function), id), snapshot.Error);
    }

    /// <summary>The report of a task; null for a batch item still waiting for room in a queue, whose task does not exist yet.</summary>
    private async Task<InvocationReport?> Report(Guid taskId, byte[]? output) =>
        await grains.GetGrain<ITaskGrain>(taskId).GetSnapshot() is { } task ? InvocationReport.From(task, output) : null;

    /// <summary>Every item of the batch, page by page: a page ends early once its outputs fill the batch's page size.</summary>
    private static async Task<ImmutableArray<BatchItem>> Items(IBatchGrain batch, Guid id, int total)
    {
        var items = ImmutableArray.CreateBuilder<BatchItem>(total);
        while (items.Count < total)
        {
            var page = await batch.GetItems(items.Count, total - items.Count) ?? throw new BatchNotFoundException(id);
            if (page.IsEmpty)
                break;
            items.AddRange(page);
        }
        return items.ToImmutable();
    }

    /// <summary>Several invocations summed up: the first one's wait for a node, every container's and run's time, and the whole job's.</summary>
    private static RunServiceResponse Summed(
        InvocationReport[] reports, object? result, DateTimeOffset created, DateTimeOffset? finished, Guid id, string function, string mode,
        string status, string statusUrl, string? error) =>
        new(result,
            reports.FirstOrDefault()?.ProvidingTime,
            reports.Sum(r => r.PullTime ?? 0),
            reports.Sum(r => r.RunTime ?? 0),
            finished is { } end ? (end - created).TotalMilliseconds : null,
            reports.Select(r => r.Provider).ToList(),
            id, QualifiedName.LocalName(function), mode, status, statusUrl, error, reports);

    private Task<T> Wait<T>(Func<TimeSpan, Task<T>> wait, Func<T, bool> finished, CancellationToken ct) =>
        SyncWait.Until(wait, finished, options.Value.SyncWait, clock, ct);
}
