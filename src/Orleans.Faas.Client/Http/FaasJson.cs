using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Faas.Client;

/// <summary>The gateway's JSON: web defaults (camelCase), nulls left out of requests, and its enum spellings.</summary>
internal static class FaasJson
{
    public static readonly JsonSerializerOptions Options = Create();

    // The gateway rejects unknown members but takes a missing one as its default, so requests leave nulls out.
    private static JsonSerializerOptions Create()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        json.Converters.Add(new JsonStringEnumConverter<FunctionRuntime>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<ImagePullPolicy>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<BenchmarkKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<PlacementPolicy>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<ProfileSource>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<FanOut>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<ApiKeyRole>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter<CatchUp>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }
}
