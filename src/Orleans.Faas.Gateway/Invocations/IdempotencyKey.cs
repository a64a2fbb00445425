using System.Security.Cryptography;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Idempotency;
using Orleans.Faas.Resilience;

namespace Orleans.Faas.Gateway.Invocations;

/// <summary>The <c>Idempotency-Key</c> header of an invocation or a batch: a retry with the same key gets the same task or batch back.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const string Description = "An Idempotency-Key header (1-255 visible ASCII characters, e.g. a UUID) makes the invocation safe to retry: "
        + "within Faas:Gateway:IdempotencyWindow (24 h) the same key for the same function answers with the task it made the first time, and runs nothing again; "
        + "sent with another body, it is refused (422).";

    private const int MaxLength = 255;

    /// <summary>
    /// The id of what the request makes: with a key, the id claimed for the key within <paramref name="scope"/> (a
    /// retry gets the first request's id back; the same key with another body is refused, 422); without one, a new id.
    /// </summary>
    /// <param name="scope">Whose keys these are: the function's qualified name, with what is made when it is not a task.</param>
    public static async Task<Guid> IdFor(HttpRequest request, string scope, ReadOnlyMemory<byte> body, IGrainFactory grains, TimeSpan window, CancellationToken ct) =>
        Of(request) is { } key
            ? await ClusterCalls.ThroughSiloLoss.ExecuteAsync(
                async _ => await grains.GetGrain<IIdempotencyGrain>(IdempotencyKeys.Grain(scope, key)).Claim(Guid.NewGuid(), window, SHA256.HashData(body.Span)), ct)
            : Guid.NewGuid();

    /// <returns>The key, or null when the request has none.</returns>
    public static string? Of(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Header, out var values))
            return null;
        var key = values.Count == 1 ? values[0] : null;
        return key is { Length: > 0 and <= MaxLength } && key.All(c => c is > ' ' and <= '~')
            ? key
            : throw new InvalidHeaderException(Header, $"{Header} must be one value of 1 to {MaxLength} visible ASCII characters.");
    }
}
