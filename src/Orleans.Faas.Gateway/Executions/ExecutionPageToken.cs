using System.Buffers.Binary;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.History;

namespace Orleans.Faas.Gateway.Executions;

/// <summary>
/// The opaque <c>before</c> token that continues the execution history after a record (<see cref="PageToken"/>): the
/// record's finish time, task id and attempt.
/// </summary>
public static class ExecutionPageToken
{
    private const int Size = sizeof(long) + 16 + sizeof(int);

    public static string After(ExecutionRecord last)
    {
        Span<byte> bytes = stackalloc byte[Size];
        last.TaskId.TryWriteBytes(bytes[8..24], bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(bytes[24..], last.Attempt);
        return PageToken.Write(bytes, last.FinishedAt);
    }

    /// <exception cref="InvalidQueryException">The token is not one <see cref="After"/> made.</exception>
    public static ExecutionCursor Read(string token)
    {
        Span<byte> bytes = stackalloc byte[Size];
        var finishedAt = PageToken.Read(token, bytes);
        return new ExecutionCursor(finishedAt, new Guid(bytes[8..24], bigEndian: true), BinaryPrimitives.ReadInt32BigEndian(bytes[24..]));
    }
}
