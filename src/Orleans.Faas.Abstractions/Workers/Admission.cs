using Orleans.Faas.Providers;

namespace Orleans.Faas.Workers;

/// <summary>A worker's answer to an assignment: it took the attempt, or its queue was full and it took nothing.</summary>
/// <param name="Load">The worker's load after answering, with the attempt in it when it was taken.</param>
/// <param name="RetryAfterSeconds">When refused: how soon a place is expected to free up there (the soonest predicted end of a run there, at least 1 s); otherwise 0.</param>
/// <param name="StartedWith">
/// When a free slot took the attempt as it was admitted (a slot no other attempt can take from it): the worker's load
/// as it started; null when the attempt waits in the queue, was held already, or was refused.
/// </param>
[GenerateSerializer, Immutable, Alias("faas.Admission")]
public sealed record Admission(
    [property: Id(0)] bool Taken,
    [property: Id(1)] ProviderLoad Load,
    [property: Id(2)] double RetryAfterSeconds = 0,
    [property: Id(3)] ProviderLoad? StartedWith = null);
