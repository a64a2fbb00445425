using System.Globalization;
using Orleans.Faas.Callbacks;
using ClientSignature = Orleans.Faas.Client.CallbackSignature;

namespace Orleans.Faas.Tests.Callbacks;

public sealed class CallbackSignatureTests
{
    private static readonly byte[] Body = """{"id":"x","status":"COMPLETED"}"""u8.ToArray();

    [Fact]
    public void What_the_platform_signs_the_client_library_verifies_and_a_changed_body_key_or_old_timestamp_fails()
    {
        var secret = CallbackSignature.NewSecret();
        var now = DateTimeOffset.UtcNow;
        var timestamp = now.ToUnixTimeSeconds();
        var signature = CallbackSignature.Sign(secret, timestamp, Body);
        var header = timestamp.ToString(CultureInfo.InvariantCulture);

        Assert.StartsWith("sha256=", signature);
        Assert.True(ClientSignature.IsValid(secret, header, signature, Body, now: now));
        Assert.True(CallbackSignature.Verify(secret, timestamp, Body, signature));
        Assert.False(ClientSignature.IsValid(CallbackSignature.NewSecret(), header, signature, Body, now: now));
        Assert.False(ClientSignature.IsValid(secret, header, signature, [.. Body, (byte)'\n'], now: now));
        Assert.False(ClientSignature.IsValid(secret, (timestamp + 1).ToString(CultureInfo.InvariantCulture), signature, Body, now: now));
        Assert.False(ClientSignature.IsValid(secret, header, signature, Body, now: now.AddMinutes(6)));
        Assert.False(ClientSignature.IsValid(secret, null, signature, Body, now: now));
    }

    [Fact]
    public void The_scheme_is_hmac_sha256_over_timestamp_dot_body_in_lower_case_hex()
    {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, "1700000000.{\"a\":1}"u8)),
            CallbackSignature.Sign("key", 1_700_000_000, "{\"a\":1}"u8));
    }
}
