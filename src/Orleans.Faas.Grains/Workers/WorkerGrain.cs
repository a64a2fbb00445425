using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Workers;

/// <summary>
/// The address of a node's <see cref="NodeWorker"/> in the cluster: placed on the silo its provider id names.
/// Reentrant, so that a call that waits (a Cancel waiting for its run to end, a code check, removing idle containers)
/// never holds up Enqueue or the load and holding questions placement and the watchdog ask.
/// </summary>
[Reentrant, ProviderSiloPlacement]
public sealed class WorkerGrain(NodeWorker node) : Grain, IWorkerGrain
{
    public Task<Admission> Enqueue(TaskAssignment assignment) => Task.FromResult(node.Enqueue(assignment));

    public Task<ProviderLoad> GetLoad() => Task.FromResult(node.Load);

    public Task<bool> Holds(TaskAttempt attempt) => Task.FromResult(node.Holds(attempt));

    public Task<ImmutableArray<HeldAttempt>> GetHeld() => Task.FromResult(node.Held());

    public Task Cancel(TaskAttempt attempt) => node.Cancel(attempt);

    public Task<ImmutableDictionary<string, KeepAliveDecision>> GetKeepAlive() => Task.FromResult(node.KeepAlive());

    public Task<int> RemoveIdle(string function) => node.RemoveIdle(function);

    public Task<ImmutableDictionary<string, string[]>> CheckCode(FunctionDefinition definition) => node.CheckCode(definition);
}
