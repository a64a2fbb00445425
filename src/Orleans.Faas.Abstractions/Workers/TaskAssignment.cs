using Orleans.Faas.Functions;

namespace Orleans.Faas.Workers;

/// <summary>One attempt of a task, handed to the worker that will run it.</summary>
/// <param name="PredictedMs">The run time placement expected here, which the worker counts as work ahead of it until the run ends.</param>
/// <param name="Code">The version's code file by hash (<see cref="Tasks.TaskSubmission.Code"/>); the node adds it to <paramref name="Function"/>'s definition.</param>
/// <param name="CacheWays">The L3 cache ways the run gets a share of where the node can allocate cache (<see cref="Tasks.TaskSubmission.CacheWays"/>); null for the whole cache.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the placement that sent it, which the node's spans of it go under; null when traces are not exported.</param>
[GenerateSerializer, Immutable, Alias("faas.TaskAssignment")]
public sealed record TaskAssignment(
    [property: Id(0)] Guid TaskId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] FunctionVersion Function,
    [property: Id(3)] byte[] Input,
    [property: Id(4)] string? PinnedProvider = null,
    [property: Id(5)] double PredictedMs = 0,
    [property: Id(6)] int? CacheWays = null,
    [property: Id(7)] CodeReference? Code = null,
    [property: Id(8)] string? TraceParent = null);
