namespace Orleans.Faas.Runtime.Runners;

/// <summary>Keeps the head of standard output up to a limit, notes whether anything went past it and hands the rest to an overflow sink.</summary>
internal sealed class CappedOutput : ByteSink
{
    private readonly int _limit;
    private readonly ByteSink? _overflow;
    private readonly MemoryStream _kept = new();

    public CappedOutput(int limit, ByteSink? overflow = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
        _overflow = overflow;
    }

    public bool Truncated { get; private set; }

    public override void Append(ReadOnlySpan<byte> bytes)
    {
        var room = _limit - (int)_kept.Length;
        var kept = Math.Min(room, bytes.Length);
        _kept.Write(bytes[..kept]);
        if (kept < bytes.Length)
        {
            Truncated = true;
            _overflow?.Append(bytes[kept..]);
        }
    }

    public byte[] ToArray() => _kept.ToArray();
}
