using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Faas.Chains;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>A step as a caller writes it: a function's name, or <c>{"function": ..., "fanOut": "lines"}</c>.</summary>
[JsonConverter(typeof(ChainStepBodyConverter))]
public sealed record ChainStepBody(string? Function, string? FanOut = null)
{
    public ChainStep ToStep() => new(Function ?? "", FanOut is null ? null : ParseFanOut(FanOut));

    // An unknown spelling becomes an undefined value, which validation rejects with the allowed ones in its message.
    private static FanOut ParseFanOut(string fanOut) =>
        Enum.TryParse<FanOut>(fanOut, ignoreCase: true, out var parsed) && fanOut == JsonNamingPolicy.CamelCase.ConvertName(parsed.ToString())
            ? parsed
            : (FanOut)(-1);
}

/// <summary>Reads either spelling of a step; unknown members of the object form are rejected so typos do not pass silently.</summary>
public sealed class ChainStepBodyConverter : JsonConverter<ChainStepBody>
{
    public override ChainStepBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new ChainStepBody(reader.GetString()),
        JsonTokenType.StartObject => JsonSerializer.Deserialize<StepObject>(ref reader, options) is { } step ? new ChainStepBody(step.Function, step.FanOut) : null,
        _ => throw new JsonException("A step is a function's name or an object {\"function\": ..., \"fanOut\": \"lines\"}."),
    };

    public override void Write(Utf8JsonWriter writer, ChainStepBody value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new StepObject(value.Function, value.FanOut), options);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record StepObject(string? Function, string? FanOut);
}
