using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Keys;
using Orleans.Faas.Profiles;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.HttpModel.Json;

/// <summary>How the platform writes JSON wherever it speaks to people: the HTTP API and the callbacks it POSTs.</summary>
public static class FaasJson
{
    /// <summary>Web defaults (camelCase) with the platform's enum spellings.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions json)
    {
        // Values a caller types read as typed ("docker", "ifNotPresent", "providers"); statuses as the lifecycle names them ("QUEUED").
        json.Converters.Add(new JsonStringEnumConverter<FunctionRuntime>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<ImagePullPolicy>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<BenchmarkKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<PlacementPolicyKind>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<ProfileSource>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<FanOut>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<ApiKeyRole>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<CatchUp>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        return json;
    }
}
