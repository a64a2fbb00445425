using System.Text.Json;

namespace Orleans.Faas.Cli.Output;

/// <summary>JSON as the gateway writes it (camelCase, its enum spellings), indented for reading.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(FaasJson.Options) { WriteIndented = true };

    /// <summary>A value as the API spells it, without JSON quotes: <c>COMPLETED</c>, <c>least-loaded</c>.</summary>
    public static string Spell(Enum value) => JsonSerializer.Serialize(value, value.GetType(), Options).Trim('"');
}
