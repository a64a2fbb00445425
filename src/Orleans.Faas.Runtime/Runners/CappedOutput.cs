namespace Orleans.Faas.Runtime.Runners;

/// <summary>Keeps the head of standard output up to a limit and notes whether anything went past it.</summary>
internal sealed class CappedOutput : ByteSink
{
    private readonly int _limit;
    private readonly MemoryStream _kept = new();

    public CappedOutput(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
    }

    public bool Truncated { get; private set; }

    public override void Append(ReadOnlySpan<byte> bytes)
    {
        var room = _limit - (int)_kept.Length;
        if (bytes.Length > room)
            Truncated = true;
        _kept.Write(bytes[..Math.Min(room, bytes.Length)]);
    }

    public byte[] ToArray() => _kept.ToArray();
}
