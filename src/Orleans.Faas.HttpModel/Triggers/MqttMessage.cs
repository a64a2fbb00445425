using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orleans.Faas.HttpModel.Json;

namespace Orleans.Faas.HttpModel.Triggers;

/// <summary>One message an MQTT trigger received, as its function's input and as its idempotency key.</summary>
public static class MqttMessage
{
    /// <summary>
    /// The function's input: <c>{"topic": "lab/a/temp", "payload": …}</c>, the payload as <see cref="EmbeddedBytes"/>
    /// makes it (JSON as itself, other text as a string, else <c>{"base64": …}</c>), so a handler gets the topic beside it.
    /// </summary>
    public static byte[] Input(string topic, ReadOnlySpan<byte> payload) =>
        JsonSerializer.SerializeToUtf8Bytes(new MqttInput(topic, EmbeddedBytes.Of(payload)), FaasJson.Options);

    /// <summary>
    /// The key under which a QoS 1 or 2 message makes one task: its packet identifier with a digest of its topic and
    /// payload. A broker sends an unacknowledged message again with the same identifier, so the resend finds the first
    /// one's task; it gives the identifier to another message only after this one was acknowledged, so two messages
    /// share a key only when they are the same topic and payload under an identifier that came round again.
    /// </summary>
    public static string Key(ushort packetIdentifier, string topic, ReadOnlySpan<byte> payload)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        digest.AppendData(Encoding.UTF8.GetBytes(topic));
        digest.AppendData([0]);
        digest.AppendData(payload);
        return $"mqtt:{packetIdentifier}:{Convert.ToHexStringLower(digest.GetHashAndReset())}";
    }

    private sealed record MqttInput(string Topic, JsonElement? Payload);
}
