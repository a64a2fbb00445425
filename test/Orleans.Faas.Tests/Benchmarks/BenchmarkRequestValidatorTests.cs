using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.HttpModel.Callbacks;

namespace Orleans.Faas.Tests.Benchmarks;

public sealed class BenchmarkRequestValidatorTests
{
    private static BenchmarkRequest Workload(params long[] sizes) => new(
        BenchmarkKind.Workload, [], "fn", [.. sizes], 5, ImmutableDictionary<long, byte[]>.Empty, null, TimeSpan.FromMinutes(1), null);

    private static ImmutableDictionary<string, string[]> Validate(BenchmarkRequest request) =>
        BenchmarkRequestValidator.Validate(request, new CallbackUrlPolicy(Options.Create(new CallbackOptions())));

    [Fact]
    public void A_plain_workload_and_a_provider_benchmark_are_valid()
    {
        Assert.Empty(Validate(Workload(0, 10, 1000)));
        Assert.Empty(Validate(Workload() with { Kind = BenchmarkKind.Providers, Function = null, InputSizes = [] }));
    }

    [Theory]
    [InlineData("repetitions")]
    [InlineData("timeoutSeconds")]
    [InlineData("callbackUrl")]
    [InlineData("callbackUrl (internal)")]
    [InlineData("inputSizes")]
    [InlineData("function")]
    [InlineData("samples")]
    [InlineData("overrides.memoryMiB")]
    [InlineData("providers")]
    public void Each_broken_field_is_named(string field)
    {
        var request = field switch
        {
            "repetitions" => Workload(10) with { Repetitions = 0 },
            "timeoutSeconds" => Workload(10) with { Timeout = TimeSpan.Zero },
            "callbackUrl" => Workload(10) with { CallbackUrl = "ftp://example/x" },
            "callbackUrl (internal)" => Workload(10) with { CallbackUrl = "http://169.254.169.254/latest/meta-data/" },
            "inputSizes" => Workload(10, 10),
            "function" => Workload(10) with { Function = null },
            "samples" => Workload(10) with { Samples = ImmutableDictionary<long, byte[]>.Empty.Add(99, [1]) },
            "overrides.memoryMiB" => Workload(10) with { Overrides = new WorkloadOverrides(MemoryMiB: 2) },
            _ => Workload(10) with { Kind = BenchmarkKind.Profile, Providers = ["node-a"] },
        };

        Assert.Contains(field.Split(' ')[0], Validate(request).Keys);
    }

    [Fact]
    public void A_size_larger_than_a_generated_input_needs_a_sample()
    {
        var big = GeneratedInputs.MaxBytes + 1;
        Assert.Contains("inputSizes", Validate(Workload(big)).Keys);
        Assert.Empty(Validate(Workload(big) with { Samples = ImmutableDictionary<long, byte[]>.Empty.Add(big, [1]) }));
    }
}
