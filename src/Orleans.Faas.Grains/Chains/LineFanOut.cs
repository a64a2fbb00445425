using System.Collections.Immutable;

namespace Orleans.Faas.Chains;

/// <summary>The <see cref="FanOut.Lines"/> rule: one input per line, one output line per input, in input order.</summary>
public static class LineFanOut
{
    private const byte NewLine = (byte)'\n';

    /// <summary>The lines of <paramref name="output"/> without their newlines; a last line without one counts, an empty output has none.</summary>
    public static ImmutableArray<byte[]> Split(ReadOnlySpan<byte> output)
    {
        var lines = ImmutableArray.CreateBuilder<byte[]>();
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
        return lines.ToImmutable();
    }

    /// <summary>Each output without one trailing newline, followed by a newline.</summary>
    public static byte[] Join(IEnumerable<byte[]> outputs)
    {
        using var joined = new MemoryStream();
        foreach (var output in outputs)
        {
            var line = output.AsSpan();
            if (!line.IsEmpty && line[^1] == NewLine)
                line = line[..^1];
            joined.Write(line);
            joined.WriteByte(NewLine);
        }
        return joined.ToArray();
    }
}
