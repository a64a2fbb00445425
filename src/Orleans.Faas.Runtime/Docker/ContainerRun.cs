using Orleans.Faas.Runtime.Agent;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>One run in a container: the agent's report and, when the node counts them, the run's LLC counters.</summary>
/// <param name="CacheCountersUnavailable">Why there are no LLC counters; null when there are.</param>
internal sealed record ContainerRun(AgentReport Report, long? LlcReferences, long? LlcMisses, string? CacheCountersUnavailable);
