using System.Globalization;

namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>The L3 line of a resctrl <c>schemata</c> file, such as <c>L3:0=ff0;1=ff0</c>: a capacity bitmask per cache domain.</summary>
internal static class ResctrlSchemata
{
    private const string L3Prefix = "L3:";

    /// <summary>The cache domain ids on the L3 line of <paramref name="schemata"/>; null when there is no such line or it is malformed.</summary>
    public static int[]? L3Domains(string schemata)
    {
        // The kernel pads resource names to a common width, so lines may start with spaces.
        var line = schemata.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith(L3Prefix, StringComparison.Ordinal));
        if (line is null)
            return null;
        var domains = new List<int>();
        foreach (var entry in line[L3Prefix.Length..].Split(';', StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !int.TryParse(entry.AsSpan(0, equals), NumberStyles.None, CultureInfo.InvariantCulture, out var domain))
                return null;
            domains.Add(domain);
        }
        return [.. domains];
    }

    /// <summary>An L3 line giving every domain the same bitmask, as written to a group's <c>schemata</c>.</summary>
    public static string L3Line(IEnumerable<int> domains, string hexMask) =>
        L3Prefix + string.Join(';', domains.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d}={hexMask}"))) + "\n";

    /// <summary>A bitmask in hex, zero-padded to the width the kernel shows for a cache of <paramref name="ways"/> ways (<c>00f</c> of 12).</summary>
    public static string Hex(ulong mask, int ways) => mask.ToString("x" + ((ways + 3) / 4).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A hex bitmask as the kernel writes it, such as <c>7ff</c>; null when the text is not one.</summary>
    public static ulong? ParseHex(string text) =>
        ulong.TryParse(text.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask) ? mask : null;
}
