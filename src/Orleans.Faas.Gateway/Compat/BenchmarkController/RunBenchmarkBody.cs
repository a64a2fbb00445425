using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Gateway.Benchmarks;
using Orleans.Faas.Gateway.Namespaces;

namespace Orleans.Faas.Gateway.Compat.BenchmarkController;

/// <summary>
/// The body of <c>run_benchmark</c>. The system under test is a function: the service <c>override_services</c> names
/// (or <c>benchmark.function</c>), at <c>target_system.version</c>; <c>benchmark</c> is the workload it runs and
/// <c>datasets</c> name secrets its containers get at <c>/run/secrets/NAME</c> for the job. It becomes a workload job.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RunBenchmarkBody(
    [property: JsonPropertyName("override_services")] IReadOnlyDictionary<string, ServiceOverride>? OverrideServices,
    [property: JsonPropertyName("target_system")] TargetSystem? TargetSystem,
    [property: JsonPropertyName("benchmark")] WorkloadConfig? Benchmark,
    [property: JsonPropertyName("datasets")] IReadOnlyList<string>? Datasets)
{
    /// <summary>The workload job this asks for, its function qualified in the request's namespace; throws <see cref="InvalidBenchmarkRequestException"/>.</summary>
    public BenchmarkRequest ToRequest(NamespaceScope scope)
    {
        var errors = new Dictionary<string, string[]>();
        var services = OverrideServices ?? ImmutableDictionary<string, ServiceOverride>.Empty;
        var function = Benchmark?.Function ?? (services.Count == 1 ? services.Keys.Single() : null);
        if (function is null)
            errors["benchmark.function"] = ["Name the function to benchmark: benchmark.function, or the one service in override_services."];
        else if (services.Keys.FirstOrDefault(name => name != function) is { } other)
            errors[$"override_services.{other}"] = [$"A job benchmarks one function, '{function}'; '{other}' is another."];
        var qualified = function is null ? null : scope.Qualify(function);
        if (function is not null && qualified is null)
            errors["benchmark.function"] = [$"'{function}' is no function name."];

        var overrides = function is not null && services.TryGetValue(function, out var service) ? service.ToOverrides($"override_services.{function}", errors) : null;
        if (Datasets is { Count: > 0 } datasets)
            overrides = (overrides ?? new WorkloadOverrides()) with { Secrets = [.. datasets] };
        var version = TargetSystem?.ToVersion(errors);
        var inputs = Benchmark?.Inputs ?? [];
        if (inputs.Select(i => Encoding.UTF8.GetByteCount(i)).Distinct().Count() != inputs.Count)
            errors["benchmark.inputs"] = ["Inputs are told apart by their size in bytes: no two may be as long."];
        var samples = inputs.Distinct().ToImmutableDictionary(i => (long)Encoding.UTF8.GetByteCount(i), i => Encoding.UTF8.GetBytes(i));
        if (errors.Count > 0)
            throw new InvalidBenchmarkRequestException(errors.ToImmutableDictionary());

        return new BenchmarkRequest(
            BenchmarkKind.Workload,
            [.. Benchmark?.Providers ?? []],
            qualified,
            inputs.Count > 0 ? [.. samples.Keys.Order()] : [.. Benchmark?.InputSizes ?? [WorkloadConfig.DefaultInputSize]],
            Benchmark?.Repetitions ?? BenchmarkRequestBody.DefaultRepetitions,
            samples,
            overrides,
            Benchmark?.TimeoutSeconds is { } seconds ? BenchmarkRequestBody.ToTimeout(seconds) : BenchmarkRequestBody.DefaultTimeout,
            Benchmark?.ResultWebhook,
            Version: version);
    }
}

/// <summary>What is benchmarked: a version of the function (a whole number, <c>"3"</c> or <c>"v3"</c>); no version is the latest.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TargetSystem([property: JsonPropertyName("version")] string? Version)
{
    public int? ToVersion(IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(Version))
            return null;
        if (int.TryParse(Version.TrimStart('v', 'V'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            return number;
        errors["target_system.version"] = [$"'{Version}' is no function version: versions are whole numbers from 1, as GET /v1/functions/NAME shows."];
        return null;
    }
}

/// <summary>The workload: the inputs (or generated inputs of these sizes), repetitions, where and for how long.</summary>
/// <param name="ResultWebhook">Where the finished job is POSTed, as the original's result webhook.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WorkloadConfig(
    [property: JsonPropertyName("function")] string? Function,
    [property: JsonPropertyName("inputs")] IReadOnlyList<string>? Inputs,
    [property: JsonPropertyName("input_sizes")] IReadOnlyList<long>? InputSizes,
    [property: JsonPropertyName("repetitions")] int? Repetitions,
    [property: JsonPropertyName("providers")] IReadOnlyList<string>? Providers,
    [property: JsonPropertyName("timeout_seconds")] double? TimeoutSeconds,
    [property: JsonPropertyName("result_webhook")] string? ResultWebhook)
{
    /// <summary>The input size when the workload names neither inputs nor sizes: an empty input.</summary>
    public const long DefaultInputSize = 0;
}
