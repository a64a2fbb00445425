using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tasks;

/// <summary>What a new task is made from: the resolved function version and the caller's input bytes.</summary>
/// <param name="Function">The version, without its code file: a stored task refers to that by <paramref name="Code"/>.</param>
/// <param name="InputSize">The size the function's work follows: the input's byte length unless the caller declared another.</param>
/// <param name="PinnedProvider">The only provider the task may run on; null lets the scheduler choose.</param>
/// <param name="Estimate">The function's profile at the input size when the task was submitted; null when it had none.</param>
/// <param name="CacheWays">The L3 cache ways its runs get a share of where the node can allocate cache: the function's cache need, or a profile job's way count; null leaves them the whole cache.</param>
/// <param name="Batch">The batch the task is one item of; it tells the batch when it starts and finishes.</param>
/// <param name="CallbackUrl">Where the finished task is POSTed; null for none.</param>
/// <param name="Code">The version's code file by hash, which the node that runs the task fetches once; null when it has none.</param>
/// <param name="Features">Values of the function's declared features, checked against them; null for none.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the call that submitted the task, which its spans join however late and wherever they run; null when traces are not exported.</param>
/// <param name="Deadline">How soon after it was submitted (<c>QueuedAt</c>) the caller wants it finished, which placement weighs; null for no deadline.</param>
[GenerateSerializer, Immutable, Alias("faas.TaskSubmission")]
public sealed record TaskSubmission(
    [property: Id(0)] FunctionVersion Function,
    [property: Id(1)] byte[] Input,
    [property: Id(2)] long InputSize,
    [property: Id(3)] string? PinnedProvider = null,
    [property: Id(4)] ProfileEstimate? Estimate = null,
    [property: Id(5)] int? CacheWays = null,
    [property: Id(6)] BatchMembership? Batch = null,
    [property: Id(7)] string? CallbackUrl = null,
    [property: Id(8)] CodeReference? Code = null,
    [property: Id(9)] ImmutableDictionary<string, double>? Features = null,
    [property: Id(10)] string? TraceParent = null,
    [property: Id(11)] TimeSpan? Deadline = null);
