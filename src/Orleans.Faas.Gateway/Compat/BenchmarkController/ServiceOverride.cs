using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;

namespace Orleans.Faas.Gateway.Compat.BenchmarkController;

/// <summary>
/// One service's overrides as docker-compose writes them: <c>image</c>, <c>cpus</c> (<c>"2.5"</c> or 2.5),
/// <c>mem_limit</c> (<c>"800mb"</c>, <c>"1g"</c> or bytes) and <c>environment</c> (<c>["K=V"]</c> or <c>{"K": "V"}</c>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ServiceOverride(
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("cpus")] JsonElement? Cpus,
    [property: JsonPropertyName("mem_limit")] JsonElement? MemLimit,
    [property: JsonPropertyName("environment")] JsonElement? Environment)
{
    /// <summary>The platform's workload overrides; what cannot be read is added to <paramref name="errors"/> under its field.</summary>
    public WorkloadOverrides ToOverrides(string field, IDictionary<string, string[]> errors) => new(
        Image,
        Cpus is { } cpus ? ReadCpus(cpus, $"{field}.cpus", errors) : null,
        MemLimit is { } memory ? ReadMemory(memory, $"{field}.mem_limit", errors) : null,
        Environment is { } environment ? ReadEnvironment(environment, $"{field}.environment", errors) : null);

    private static double? ReadCpus(JsonElement value, string field, IDictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            return number;
        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        errors[field] = ["cpus must be a number of cores, e.g. \"2.5\"."];
        return null;
    }

    private static int? ReadMemory(JsonElement value, string field, IDictionary<string, string[]> errors)
    {
        if (ComposeByteSize.ToMiB(value) is { } mib)
            return mib;
        errors[field] = ["mem_limit must be a size such as \"800mb\", \"512m\" or \"1g\", or a number of bytes, of at most 2 TiB."];
        return null;
    }

    private static ImmutableDictionary<string, string>? ReadEnvironment(JsonElement value, string field, IDictionary<string, string[]> errors)
    {
        try
        {
            return value.ValueKind switch
            {
                // docker-compose's list form: "KEY=VALUE" (a bare KEY is an empty value).
                JsonValueKind.Array => value.EnumerateArray().Select(item => item.GetString()!.Split('=', 2))
                    .ToImmutableDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : ""),
                JsonValueKind.Object => value.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()),
                _ => throw new InvalidOperationException(),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errors[field] = ["environment must be a list of \"KEY=VALUE\" strings, each key once, or an object of them."];
            return null;
        }
    }
}
