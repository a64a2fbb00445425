using System.Security.Cryptography;
using System.Text;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Invocations;

/// <summary>The <c>Idempotency-Key</c> header of an invocation: a retry with the same key gets the same task back.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const string Description = "An Idempotency-Key header (1-255 visible ASCII characters, e.g. a UUID) makes the invocation safe to retry: "
        + "within Faas:Gateway:IdempotencyWindow (24 h) the same key for the same function answers with the task it made the first time, and runs nothing again; "
        + "sent with another body, it is refused (422).";

    private const int MaxLength = 255;

    /// <summary>
    /// The claim of <paramref name="key"/> for one function: <c>name/key</c> as before namespaces, and <c>namespace:name/key</c>
    /// in another namespace; names hold neither ':' nor '/', so no two functions' claims meet.
    /// </summary>
    /// <summary>
    /// The key's grain: a digest of the function's qualified name and the key, so that one function's keys, or one
    /// namespace's, never meet another's. 128 bits of SHA-256 make two pairs sharing a grain beyond likely.
    /// </summary>
    public static Guid Grain(string qualifiedFunction, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{qualifiedFunction}\n{key}")).AsSpan(0, 16));

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
