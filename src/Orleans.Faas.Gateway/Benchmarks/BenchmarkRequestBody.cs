using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;

namespace Orleans.Faas.Gateway.Benchmarks;

/// <summary>The JSON body of <c>POST /v1/benchmarks</c>; unknown fields are rejected so typos do not pass silently.</summary>
/// <param name="Samples">Input per size, keyed by the size; a string is sent as its UTF-8 bytes.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BenchmarkRequestBody(
    BenchmarkKind? Kind,
    IReadOnlyList<string>? Providers,
    string? Function,
    IReadOnlyList<long>? InputSizes,
    int? Repetitions,
    IReadOnlyDictionary<string, string>? Samples,
    WorkloadOverrides? Overrides,
    double? TimeoutSeconds,
    string? CallbackUrl)
{
    public const int DefaultRepetitions = 5;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(15);

    public BenchmarkRequest ToRequest() => new(
        Kind ?? throw Invalid("kind", "Kind is required: 'providers', 'profile' or 'workload'."),
        [.. Providers ?? []],
        Function,
        [.. InputSizes ?? []],
        Repetitions ?? DefaultRepetitions,
        SamplesBySize(),
        Overrides,
        TimeoutSeconds is { } seconds ? ToTimeout(seconds) : DefaultTimeout,
        CallbackUrl);

    private ImmutableDictionary<long, byte[]> SamplesBySize() =>
        (Samples ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary(
            s => long.TryParse(s.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                ? size
                : throw Invalid("samples", $"Sample key '{s.Key}' is not an input size."),
            s => Encoding.UTF8.GetBytes(s.Value));

    // Out-of-range values become zero, which validation rejects with the allowed range in its message.
    public static TimeSpan ToTimeout(double seconds) =>
        seconds is > 0 and <= MaxRepresentableSeconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;

    private const double MaxRepresentableSeconds = 1e9;

    private static InvalidBenchmarkRequestException Invalid(string field, string message) =>
        new(ImmutableDictionary<string, string[]>.Empty.Add(field, [message]));
}
