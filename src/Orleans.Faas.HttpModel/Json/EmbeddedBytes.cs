using System.Text;
using System.Text.Json;

namespace Orleans.Faas.HttpModel.Json;

/// <summary>Bytes (an input, an output, a payload) inside a JSON document the platform makes, kept readable when they are text.</summary>
public static class EmbeddedBytes
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>JSON as itself, other UTF-8 text as a string, anything else as <c>{"base64": "…"}</c>; null when empty.</summary>
    public static JsonElement? Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return null;
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (JsonElement.TryParseValue(ref reader, out var json) && IsAtEnd(ref reader))
                return json;
        }
        catch (JsonException)
        {
            // Not JSON: text or binary, below.
        }
        try
        {
            return JsonSerializer.SerializeToElement(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return JsonSerializer.SerializeToElement(new { base64 = Convert.ToBase64String(bytes) });
        }
    }

    /// <summary>Whether nothing but white space follows the value: <c>1 2</c> is no JSON document.</summary>
    private static bool IsAtEnd(ref Utf8JsonReader reader)
    {
        try
        {
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
