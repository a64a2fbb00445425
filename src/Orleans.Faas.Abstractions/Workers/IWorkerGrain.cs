using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Workers;

/// <summary>A node's execution slots and local FIFO, keyed by provider id and activated on that provider's silo.</summary>
[Alias("faas.IWorkerGrain")]
public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Queues the attempt and starts it as soon as a slot is free; refuses it, keeping nothing, when the node already
    /// holds as many tasks as its slots and its queue limit (<c>Faas:Worker:MaxQueued</c>) allow.
    /// </summary>
    [Alias("Enqueue")]
    Task<Admission> Enqueue(TaskAssignment assignment);

    [AlwaysInterleave, Alias("GetLoad")]
    Task<ProviderLoad> GetLoad();

    /// <summary>True while the attempt waits here or runs here, until its outcome has been reported.</summary>
    [AlwaysInterleave, Alias("Holds")]
    Task<bool> Holds(TaskAttempt attempt);

    /// <summary>What runs here, then what waits here in queue order.</summary>
    [AlwaysInterleave, Alias("GetHeld")]
    Task<ImmutableArray<HeldAttempt>> GetHeld();

    /// <summary>How this node keeps each function's containers warm, by function name; a function missing has not run here.</summary>
    [AlwaysInterleave, Alias("GetKeepAlive")]
    Task<ImmutableDictionary<string, KeepAliveDecision>> GetKeepAlive();

    /// <summary>Removes the idle warm containers of every version of the named function on this node; returns how many.</summary>
    [Alias("RemoveIdle")]
    Task<int> RemoveIdle(string function);

    /// <summary>
    /// Checks a definition's code on this node's runner for its runtime, without running it (python source compiles,
    /// a pickled callable deserializes): field → problems, empty when there are none. Throws
    /// <see cref="Scheduling.NoProviderAvailableException"/> when this node has no such runtime or the check could not run.
    /// </summary>
    [AlwaysInterleave, Alias("CheckCode")]
    Task<ImmutableDictionary<string, string[]>> CheckCode(FunctionDefinition definition);

    /// <summary>
    /// Stops the attempt if it runs here and waits for its run to end; throws <see cref="TimeoutException"/> when the
    /// run, told to stop, has not ended within the node's patience (it is still being stopped).
    /// </summary>
    [Alias("Cancel")]
    Task Cancel(TaskAttempt attempt);
}
