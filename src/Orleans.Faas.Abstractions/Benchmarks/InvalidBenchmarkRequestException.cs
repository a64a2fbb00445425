using System.Collections.Immutable;

namespace Orleans.Faas.Benchmarks;

[GenerateSerializer, Alias("faas.InvalidBenchmarkRequestException")]
public sealed class InvalidBenchmarkRequestException(ImmutableDictionary<string, string[]> errors)
    : Exception("The benchmark request is invalid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Field name → what is wrong with it.</summary>
    [Id(0)]
    public ImmutableDictionary<string, string[]> Errors { get; } = errors;
}
