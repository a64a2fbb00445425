using System.Globalization;
using System.Text.RegularExpressions;

namespace Orleans.Faas.Dashboard.Live;

/// <summary>How the pages write figures and names: statuses as the API spells them, times and sizes for people.</summary>
public static partial class Spelling
{
    /// <summary><c>Draining</c> as <c>DRAINING</c>, <c>CleanUp</c> as <c>CLEAN_UP</c>: the HTTP API's spelling.</summary>
    public static string Of(Enum value) => WordStart().Replace(value.ToString(), "_$1").ToUpperInvariant();

    public static string Ms(double? ms) => ms switch
    {
        null => "—",
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{ms:0.#} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.##} s"),
    };

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    public static string Percent(double? value) => value is { } v ? v.ToString("0.#%", CultureInfo.InvariantCulture) : "—";

    public static string Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "—";

    public static string Age(double seconds) => TimeSpan.FromSeconds(seconds) switch
    {
        { TotalMinutes: < 1 } t => $"{t.Seconds} s",
        { TotalHours: < 1 } t => $"{(int)t.TotalMinutes} min",
        { TotalDays: < 1 } t => $"{(int)t.TotalHours} h",
        var t => $"{(int)t.TotalDays} d",
    };

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "—",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB"),
    };

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
