using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Docker.DotNet;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>Both directions of a container's attach stream: input in, then demultiplexed stdout and stderr out.</summary>
internal static class AttachedStreams
{
    /// <summary>Writes the input and closes our write side, which closes the container's stdin.</summary>
    public static async Task FeedAsync(MultiplexedStream stream, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        try
        {
            if (!input.IsEmpty)
            {
                var bytes = MemoryMarshal.TryGetArray(input, out var segment) ? segment : new ArraySegment<byte>(input.ToArray());
                await stream.WriteAsync(bytes.Array!, bytes.Offset, bytes.Count, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The container ended or stopped reading before taking all of its input; that is its choice, not our failure.
        }
        finally
        {
            try
            {
                stream.CloseWrite();
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The connection is already gone, and with it the container's stdin.
            }
        }
    }

    public static async Task ReadAsync(MultiplexedStream stream, CappedOutput output, LogTail logs, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ByteSink.ChunkBytes);
        try
        {
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, ByteSink.ChunkBytes, cancellationToken);
                if (read.EOF)
                    return;
                ByteSink sink = read.Target == MultiplexedStream.TargetStream.StandardOut ? output : logs;
                sink.Append(buffer.AsSpan(0, read.Count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
