using System.Collections.Immutable;

namespace Orleans.Faas.Functions;

/// <summary>How a caller wants one invocation placed and sized.</summary>
/// <param name="Provider">The provider the task must run on; it fails instead of moving when that provider is lost.</param>
/// <param name="InputSize">The size the function's work follows, when it is not the input's byte length.</param>
/// <param name="CallbackUrl">Where the finished task is POSTed, signed with the function's callback secret; null for none.</param>
/// <param name="Features">Values of the function's declared features for this invocation, by name; null for none.</param>
/// <param name="Deadline">
/// How soon after it is submitted the caller wants the task finished: placement prefers the provider most likely to
/// make it over the earliest expected finish; null places by the earliest expected finish.
/// </param>
[GenerateSerializer, Immutable, Alias("faas.InvocationOptions")]
public sealed record InvocationOptions(
    [property: Id(0)] string? Provider = null,
    [property: Id(1)] long? InputSize = null,
    [property: Id(2)] string? CallbackUrl = null,
    [property: Id(3)] ImmutableDictionary<string, double>? Features = null,
    [property: Id(4)] TimeSpan? Deadline = null)
{
    public static readonly InvocationOptions Default = new();
}
