using System.Collections.Immutable;

namespace Orleans.Faas.Chains;

/// <summary>The <see cref="FanOut.Lines"/> rule: one input per line, one output line per input, in input order.</summary>
public static class LineFanOut
{
    private const byte NewLine = (byte)'\n';

    /// <summary>
    /// The lines of <paramref name="output"/> without their newlines; a last line without one counts, an empty output
    /// has none. Null when there are more than <paramref name="maxLines"/>, found before any more of them is copied.
    /// </summary>
    public static ImmutableArray<byte[]>? Split(ReadOnlySpan<byte> output, int maxLines)
    {
        var count = output.Count(NewLine) + (output.IsEmpty || output[^1] == NewLine ? 0 : 1);
        if (count > maxLines)
            return null;
        var lines = ImmutableArray.CreateBuilder<byte[]>(count);
        while (!output.IsEmpty)
        {
            var end = output.IndexOf(NewLine);
            if (end < 0)
            {
                lines.Add(output.ToArray());
                break;
            }
            lines.Add(output[..end].ToArray());
            output = output[(end + 1)..];
        }
        return lines.MoveToImmutable();
    }

    /// <summary>
    /// Each output without one trailing newline, followed by a newline; null as soon as the joined bytes would be more
    /// than <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<byte[]?> Join(IAsyncEnumerable<byte[]> outputs, int maxBytes)
    {
        using var joined = new MemoryStream();
        await foreach (var output in outputs)
        {
            var line = output.AsSpan();
            if (!line.IsEmpty && line[^1] == NewLine)
                line = line[..^1];
            if (joined.Length + line.Length + 1 > maxBytes)
                return null;
            joined.Write(line);
            joined.WriteByte(NewLine);
        }
        return joined.ToArray();
    }
}
