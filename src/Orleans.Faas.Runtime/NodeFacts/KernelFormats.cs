using System.Globalization;

namespace Orleans.Faas.Runtime.NodeFacts;

/// <summary>Parses the text formats procfs and sysfs use for the facts we read.</summary>
internal static class KernelFormats
{
    /// <summary>Counts the CPUs in a list such as <c>0-1,4</c>; null when the text is not such a list.</summary>
    public static int? CountCpuList(string text)
    {
        var count = 0;
        foreach (var part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-');
            if (!int.TryParse(bounds[0], CultureInfo.InvariantCulture, out var first))
                return null;
            var last = first;
            if (bounds.Length > 2 || (bounds.Length == 2 && !int.TryParse(bounds[1], CultureInfo.InvariantCulture, out last)) || last < first)
                return null;
            count += last - first + 1;
        }
        return count > 0 ? count : null;
    }

    /// <summary>Converts a cache size such as <c>32768K</c>, <c>8M</c> or <c>512</c> to bytes; null when it is none of those.</summary>
    public static long? ParseSize(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return null;
        var multiplier = char.ToUpperInvariant(trimmed[^1]) switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            _ => 1L,
        };
        var digits = multiplier == 1 ? trimmed : trimmed[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * multiplier : null;
    }

    /// <summary>Converts a meminfo value such as <c>24684084 kB</c> (the kernel's kB are KiB) to bytes.</summary>
    public static long? ParseMeminfoBytes(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return null;
        return parts.Length == 1 ? value : parts[1] == "kB" ? value * 1024 : null;
    }

    /// <summary>The value after the colon of the first <c>key : value</c> line whose key is <paramref name="key"/>.</summary>
    public static string? FindField(IEnumerable<string> lines, string key)
    {
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(key, StringComparison.Ordinal))
                return line[(colon + 1)..].Trim();
        }
        return null;
    }
}
