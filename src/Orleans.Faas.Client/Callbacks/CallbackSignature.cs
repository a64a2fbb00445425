using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Faas.Client;

/// <summary>
/// Checks that a callback came from the platform: <c>X-Faas-Signature</c> is <c>sha256=</c> and the lower-case hex of
/// HMAC-SHA256, keyed with the function's callback secret (its UTF-8 bytes), over <c>X-Faas-Timestamp</c>, a '.', and
/// the raw body; a timestamp older than the tolerance is refused, so a recorded callback cannot be replayed.
/// </summary>
public static class CallbackSignature
{
    public const string SignatureHeader = "X-Faas-Signature";
    public const string TimestampHeader = "X-Faas-Timestamp";

    /// <summary>How far a callback's timestamp may be from now by default.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <param name="timestamp">The <c>X-Faas-Timestamp</c> header.</param>
    /// <param name="signature">The <c>X-Faas-Signature</c> header.</param>
    public static bool IsValid(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, TimeSpan? tolerance = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        if ((now ?? DateTimeOffset.UtcNow) - DateTimeOffset.FromUnixTimeSeconds(seconds) is var age && age.Duration() > (tolerance ?? DefaultTolerance))
            return false;
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body.ToArray()).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
