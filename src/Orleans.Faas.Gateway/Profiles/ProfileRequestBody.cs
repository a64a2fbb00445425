using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Gateway.Benchmarks;

namespace Orleans.Faas.Gateway.Profiles;

/// <summary>The JSON body of <c>POST /v1/functions/{name}/profile</c>: a profile job on the reference provider.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProfileRequestBody(
    IReadOnlyList<long>? InputSizes,
    int? Repetitions,
    IReadOnlyDictionary<string, string>? Samples,
    double? TimeoutSeconds,
    string? CallbackUrl)
{
    public BenchmarkRequest ToRequest(string function) =>
        new BenchmarkRequestBody(BenchmarkKind.Profile, null, function, InputSizes, Repetitions, Samples, null, TimeoutSeconds, CallbackUrl).ToRequest();
}
