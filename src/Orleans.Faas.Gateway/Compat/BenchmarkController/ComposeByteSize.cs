using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orleans.Faas.Gateway.Compat.BenchmarkController;

/// <summary>docker-compose's byte sizes (<c>mem_limit</c>): a number of bytes, or digits with b, k, m or g and an optional b.</summary>
public static partial class ComposeByteSize
{
    private const long MaxBytes = 2L << 40;

    /// <summary>The size in MiB, rounded up; null when it is no size.</summary>
    public static int? ToMiB(JsonElement value)
    {
        long? bytes = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when Size().Match(value.GetString()!) is { Success: true } match
                && double.TryParse(match.Groups["amount"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) =>
                (long)Math.Ceiling(amount * Unit(match.Groups["unit"].Value)),
            _ => null,
        };
        return bytes is >= 0 and <= MaxBytes ? (int)Math.Ceiling(bytes.Value / (1024.0 * 1024)) : null;
    }

    private static double Unit(string unit) => char.ToLowerInvariant(unit.FirstOrDefault('b')) switch
    {
        'k' => 1024,
        'm' => 1024 * 1024,
        'g' => 1024 * 1024 * 1024,
        _ => 1,
    };

    [GeneratedRegex("^\\s*(?<amount>[0-9]+(\\.[0-9]+)?)\\s*(?<unit>[bkmgBKMG]?[bB]?)\\s*$")]
    private static partial Regex Size();
}
