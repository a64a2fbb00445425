using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Faas.Gateway.Compat.ChainFaas;

/// <summary>The body of ChainFaaS's <c>POST developers/run_service/{service_id}</c>, with its own field names.</summary>
/// <param name="Input">The service's input: a string as its text, any other JSON value as written; none is an empty input.</param>
/// <param name="NumberOfInvocations">How many times to run it when <paramref name="RunMultipleInvocations"/>; otherwise it runs once.</param>
/// <param name="Chained">Each invocation's output is the next one's input.</param>
public sealed record RunServiceRequest(
    [property: JsonPropertyName("numberOfInvocations")] int? NumberOfInvocations,
    [property: JsonPropertyName("chained")] bool? Chained,
    [property: JsonPropertyName("input")] JsonElement? Input,
    [property: JsonPropertyName("runMultipleInvocations")] bool? RunMultipleInvocations)
{
    /// <summary>How many invocations run: <see cref="NumberOfInvocations"/> when several were asked for, else one.</summary>
    public int Invocations => RunMultipleInvocations == true ? NumberOfInvocations ?? 1 : 1;

    public byte[] InputBytes() => Input switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => [],
        { ValueKind: JsonValueKind.String } text => Encoding.UTF8.GetBytes(text.GetString()!),
        { } other => Encoding.UTF8.GetBytes(other.GetRawText()),
    };
}
