using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Faas.Callbacks;

/// <summary>
/// How callbacks are signed so a receiver can tell they came from the platform: <c>X-Faas-Timestamp</c> is the Unix
/// time in seconds of the attempt, <c>X-Faas-Signature</c> is <c>sha256=</c> and the lower-case hex of
/// HMAC-SHA256, keyed with the callback secret (its UTF-8 bytes) of the function or chain the callback comes from,
/// over the timestamp, a '.', and the body.
/// A receiver recomputes it, compares in constant time, and refuses timestamps too old (replays).
/// </summary>
public static class CallbackSignature
{
    public const string SignatureHeader = "X-Faas-Signature";
    public const string TimestampHeader = "X-Faas-Timestamp";
    public const string Prefix = "sha256=";

    /// <summary>A new secret: 32 random bytes, hex.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
