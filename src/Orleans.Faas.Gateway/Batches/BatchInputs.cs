using System.Collections.Immutable;
using System.Text.Json;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Batches;

/// <summary>
/// A batch request's inputs: a JSON array, or NDJSON (one item a line), of items that are each a JSON string (its
/// UTF-8 bytes are the input) or <c>{"base64": "..."}</c> (the decoded bytes are).
/// </summary>
public static class BatchInputs
{
    public static readonly string[] NdjsonTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl"];

    private const int MaxErrors = 20;
    private const string ItemShape = "An item is a JSON string or an object {\"base64\": \"...\"}.";

    /// <exception cref="InvalidBatchException">An item is not an input, or there is none.</exception>
    /// <exception cref="TooManyBatchItemsException">There are more than <paramref name="maxItems"/>.</exception>
    /// <exception cref="MalformedRequestException">A JSON array body is not JSON.</exception>
    public static ImmutableArray<byte[]> Read(byte[] body, string? contentType, int maxItems)
    {
        var items = ImmutableArray.CreateBuilder<byte[]>();
        var errors = new Dictionary<string, string[]>();
        if (IsNdjson(contentType))
            ReadLines(body, maxItems, items, errors);
        else
            ReadArray(body, maxItems, items, errors);
        if (errors.Count == 0 && items.Count == 0)
            errors["items"] = ["A batch needs at least one input."];
        return errors.Count > 0 ? throw new InvalidBatchException(errors.ToImmutableDictionary()) : items.ToImmutable();
    }

    private static bool IsNdjson(string? contentType) =>
        contentType is not null && NdjsonTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase));

    private static void ReadArray(byte[] body, int maxItems, ImmutableArray<byte[]>.Builder items, Dictionary<string, string[]> errors)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                errors["items"] = ["The body must be a JSON array of items, or NDJSON (Content-Type: application/x-ndjson) with one item a line. " + ItemShape];
                return;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                Add(ref reader, items.Count, maxItems, items, errors, where: "");
            if (reader.Read())
                throw new MalformedRequestException("The body has more after the JSON array.");
        }
        catch (JsonException e)
        {
            throw new MalformedRequestException(body.Length == 0 ? "The request body is empty; a JSON array of items is expected." : e.Message, e);
        }
    }

    private static void ReadLines(byte[] body, int maxItems, ImmutableArray<byte[]>.Builder items, Dictionary<string, string[]> errors)
    {
        var rest = body.AsSpan();
        for (var line = 1; !rest.IsEmpty; line++)
        {
            var end = rest.IndexOf((byte)'\n');
            var text = (end < 0 ? rest : rest[..end]).TrimEnd((byte)'\r');
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (text.Trim((byte)' ').IsEmpty)
                continue;
            var index = items.Count;
            try
            {
                var reader = new Utf8JsonReader(text);
                reader.Read();
                Add(ref reader, index, maxItems, items, errors, where: $"line {line}: ");
                if (reader.Read())
                    Error(errors, index, $"line {line}: one item a line; there is more after it.");
            }
            catch (JsonException e)
            {
                Error(errors, index, $"line {line} is not JSON: {e.Message}");
                items.Add([]);
            }
        }
    }

    /// <summary>Adds the item at the reader (a bad one as a placeholder, so later items keep their index).</summary>
    private static void Add(ref Utf8JsonReader reader, int index, int maxItems, ImmutableArray<byte[]>.Builder items, Dictionary<string, string[]> errors, string where)
    {
        if (index >= maxItems)
            throw new TooManyBatchItemsException(maxItems);
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var bytes = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
                items.Add(bytes[..reader.CopyString(bytes)]);
                return;
            case JsonTokenType.StartObject:
                using (var item = JsonDocument.ParseValue(ref reader))
                    items.Add(Base64(item.RootElement, index, errors, where));
                return;
            default:
                reader.Skip();
                Error(errors, index, where + ItemShape);
                items.Add([]);
                return;
        }
    }

    private static byte[] Base64(JsonElement item, int index, Dictionary<string, string[]> errors, string where)
    {
        var properties = item.EnumerateObject().ToList();
        if (properties is not [{ Name: "base64", Value: { ValueKind: JsonValueKind.String } value }])
        {
            Error(errors, index, where + ItemShape);
            return [];
        }
        if (value.TryGetBytesFromBase64(out var bytes))
            return bytes;
        Error(errors, index, where + "base64 is not valid base64.");
        return [];
    }

    private static void Error(Dictionary<string, string[]> errors, int index, string message)
    {
        if (errors.Count < MaxErrors)
            errors[$"items[{index}]"] = [message];
    }
}
