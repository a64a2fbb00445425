using System.Globalization;

namespace Orleans.Faas.Client;

/// <summary>The <c>?features=</c> query parameter: <c>name:value</c> pairs separated by commas.</summary>
internal static class FeatureParameter
{
    /// <returns>Null for no values, so the parameter is left out.</returns>
    public static string? Format(IReadOnlyDictionary<string, double>? values) =>
        values is null || values.Count == 0
            ? null
            : string.Join(",", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}:{v.Value.ToString("R", CultureInfo.InvariantCulture)}"));
}
