using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// A key as its holder sends it, <c>faas_&lt;id&gt;_&lt;secret&gt;</c>: the id says which key grain to ask, the secret
/// (32 random bytes, base64url) proves it. Only the secret's SHA-256 ever leaves this class.
/// </summary>
public static partial class ApiKeySecret
{
    private const string Prefix = "faas_";

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <returns>The key to hand out once, and the hash to store.</returns>
    public static (string Key, byte[] Hash) New(string id)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a key into its id and its secret's hash; false when it is not shaped like a key.</summary>
    public static bool TryParse(string key, out string id, out byte[] secretHash)
    {
        var match = KeyPattern().Match(key);
        (id, secretHash) = match.Success ? (match.Groups["id"].Value, Hash(match.Groups["secret"].Value)) : ("", []);
        return match.Success;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    [GeneratedRegex("^faas_(?<id>[a-z0-9]{1,32})_(?<secret>[A-Za-z0-9_-]{16,128})$")]
    private static partial Regex KeyPattern();
}
