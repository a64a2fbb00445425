using System.Security.Cryptography;
using System.Text;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Tasks;

/// <summary>How handing a finished task's outcome to its function's destination goes.</summary>
/// <param name="Target">The function or chain, by its name within the task's namespace.</param>
/// <param name="InvocationId">The id of the task (or chain run) the outcome becomes: <see cref="IdFor"/> of the finished task's.</param>
/// <param name="Attempts">How often it was handed over so far.</param>
/// <param name="LastError">Why the last attempt did not get through; null once it did.</param>
[GenerateSerializer, Immutable, Alias("faas.DestinationDelivery")]
public sealed record DestinationDelivery(
    [property: Id(0)] Destination Target,
    [property: Id(1)] Guid InvocationId,
    [property: Id(2)] DestinationState Status = DestinationState.Pending,
    [property: Id(3)] int Attempts = 0,
    [property: Id(4)] string? LastError = null)
{
    /// <summary>
    /// The id of the invocation a finished task's outcome becomes: the task's id is its idempotency key, so handing it
    /// over again (after a silo died in between) finds the task or run the first attempt made.
    /// </summary>
    public static Guid IdFor(Guid finishedTask) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"destination\n{finishedTask}")).AsSpan(0, 16));
}

[GenerateSerializer]
public enum DestinationState
{
    Pending = 0,
    Delivered = 1,

    /// <summary>The destination no longer exists or refused the outcome; trying again would not change that.</summary>
    Failed = 2,
}
