using System.Buffers;

namespace Orleans.Faas.Runtime.Runners;

/// <summary>Somewhere a run's output goes as it arrives: bytes in order, from one reader at a time.</summary>
internal abstract class ByteSink
{
    /// <summary>How much of a stream is read at a time, by every reader of run output.</summary>
    internal const int ChunkBytes = 81920;

    public abstract void Append(ReadOnlySpan<byte> bytes);

    /// <summary>Reads <paramref name="stream"/> to its end into this sink; a sink past its limit still drains, so the writer never blocks.</summary>
    public async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
                Append(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
