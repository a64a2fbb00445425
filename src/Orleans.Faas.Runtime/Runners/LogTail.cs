using System.Text;

namespace Orleans.Faas.Runtime.Runners;

/// <summary>Keeps the last bytes of a stream; when earlier ones were dropped, a marker line says how many.</summary>
/// <param name="stream">What the bytes are, as the marker names them: "stderr".</param>
internal sealed class LogTail(int capacity, string stream = "stderr") : ByteSink
{
    private readonly byte[] _ring = capacity > 0 ? new byte[capacity] : throw new ArgumentOutOfRangeException(nameof(capacity));
    private long _total;

    /// <summary>Nothing was appended.</summary>
    public bool IsEmpty => _total == 0;

    public override void Append(ReadOnlySpan<byte> bytes)
    {
        // Only the last ring-full of a large chunk can survive; skip the rest without copying it.
        if (bytes.Length > _ring.Length)
        {
            _total += bytes.Length - _ring.Length;
            bytes = bytes[^_ring.Length..];
        }

        var at = (int)(_total % _ring.Length);
        var first = Math.Min(bytes.Length, _ring.Length - at);
        bytes[..first].CopyTo(_ring.AsSpan(at));
        bytes[first..].CopyTo(_ring);
        _total += bytes.Length;
    }

    public override string ToString()
    {
        if (_total <= _ring.Length)
            return Encoding.UTF8.GetString(_ring, 0, (int)_total);

        var at = (int)(_total % _ring.Length);
        var tail = new byte[_ring.Length];
        _ring.AsSpan(at).CopyTo(tail);
        _ring.AsSpan(0, at).CopyTo(tail.AsSpan(_ring.Length - at));

        // Start on a character boundary so the kept text does not open with a broken UTF-8 sequence.
        var skip = 0;
        while (skip < tail.Length && (tail[skip] & 0b1100_0000) == 0b1000_0000 && skip < 3)
            skip++;

        var dropped = _total - _ring.Length + skip;
        return $"[... {dropped} earlier bytes of {stream} dropped ...]\n" + Encoding.UTF8.GetString(tail, skip, tail.Length - skip);
    }
}
