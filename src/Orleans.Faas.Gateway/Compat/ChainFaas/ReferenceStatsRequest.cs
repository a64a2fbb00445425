using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Gateway.Benchmarks;

namespace Orleans.Faas.Gateway.Compat.ChainFaas;

/// <summary>
/// The body of ChainFaaS's <c>POST providers/set_reference_stats_for_service/</c>: the service (unless the path names it)
/// and, beyond the original, the input to profile it with (as <c>run_service</c> takes it); without one it runs on an empty input.
/// </summary>
public sealed record ReferenceStatsRequest(
    [property: JsonPropertyName("service_id")] JsonElement? ServiceId,
    [property: JsonPropertyName("input")] JsonElement? Input)
{
    /// <summary>The service id, a string or a number.</summary>
    public string? Service => ServiceId switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    /// <summary>A profile job on the reference provider at the input's size, with the input itself as that size's sample.</summary>
    public BenchmarkRequest ToProfile(string function)
    {
        var input = new RunServiceRequest(null, null, Input, null).InputBytes();
        var size = input.LongLength.ToString(CultureInfo.InvariantCulture);
        var samples = input.Length == 0
            ? null
            : ImmutableDictionary<string, string>.Empty.Add(size, System.Text.Encoding.UTF8.GetString(input));
        return new BenchmarkRequestBody(BenchmarkKind.Profile, null, function, [input.LongLength], null, samples, null, null, null).ToRequest();
    }
}
