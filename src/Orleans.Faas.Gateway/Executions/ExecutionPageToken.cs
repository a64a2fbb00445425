using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.History;

namespace Orleans.Faas.Gateway.Executions;

/// <summary>
/// The opaque <c>before</c> token that continues the execution history after a record: base64url of the record's
/// finish time (UTC ticks), task id and attempt, big-endian.
/// </summary>
public static class ExecutionPageToken
{
    private const int Size = sizeof(long) + 16 + sizeof(int);

    public static string After(ExecutionRecord last)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64BigEndian(bytes, last.FinishedAt.UtcTicks);
        last.TaskId.TryWriteBytes(bytes[8..24], bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(bytes[24..], last.Attempt);
        return Base64Url.EncodeToString(bytes);
    }

    /// <exception cref="InvalidQueryException">The token is not one <see cref="After"/> made.</exception>
    public static ExecutionCursor Read(string token)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != OperationStatus.Done || written != Size)
            throw Malformed();
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            throw Malformed();
        return new ExecutionCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[8..24], bigEndian: true), BinaryPrimitives.ReadInt32BigEndian(bytes[24..]));
    }

    private static InvalidQueryException Malformed() =>
        new("before", "before must be a token from the Link header of an earlier page.");
}
