using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Functions;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Resilience;

namespace Orleans.Faas.Gateway.Invocations;

/// <summary>Makes the task of one invocation, synchronous or not: its id, its place within the namespace's limit, its submission.</summary>
public sealed class Invoker(RequestBody body, IGrainFactory grains, IOptions<GatewayOptions> options, NamespaceAdmission admission)
{
    public async Task<Guid> Invoke(NamespaceScope scope, string name, InvocationOptions invocation, HttpRequest request, CancellationToken ct) =>
        await Invoke(scope, name, invocation, await body.ReadBytes(request, ct), request, ct);

    /// <summary>As the other, with the input taken from somewhere else than the request's body (an earlier system's JSON field).</summary>
    public async Task<Guid> Invoke(NamespaceScope scope, string name, InvocationOptions invocation, byte[] input, HttpRequest request, CancellationToken ct)
    {
        var function = FunctionEndpoints.Function(grains, scope, name);
        // The task id is chosen before submitting (with a key, claimed first, so a client's retry finds the same one),
        // so the submission can be sent again while a silo that held its function or task is being declared dead:
        // a task submits at most once under its id.
        var taskId = await IdempotencyKey.IdFor(request, function.GetPrimaryKeyString(), input, grains, options.Value.IdempotencyWindow, ct);
        await Submit(scope, function, taskId, invocation, input, ct);
        return taskId;
    }

    /// <summary>Submits <paramref name="input"/> as task <paramref name="taskId"/> of <paramref name="function"/> within the namespace's limit; an id submits at most once.</summary>
    public async Task Submit(NamespaceScope scope, IFunctionGrain function, Guid taskId, InvocationOptions invocation, byte[] input, CancellationToken ct)
    {
        await admission.Admit(scope.Namespace, new AdmittedWork(taskId, AdmittedWorkKind.Task, 1));
        await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await function.InvokeAs(taskId, input, invocation), ct);
    }
}
