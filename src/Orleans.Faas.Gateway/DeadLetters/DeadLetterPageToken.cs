using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.DeadLetters;

/// <summary>The opaque <c>before</c> token that continues a dead-letter list after a letter: base64url of its failure time (UTC ticks) and id, big-endian.</summary>
public static class DeadLetterPageToken
{
    private const int Size = sizeof(long) + 16;

    public static string After(DeadLetter last)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64BigEndian(bytes, last.FailedAt.UtcTicks);
        last.Id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <exception cref="InvalidQueryException">The token is not one <see cref="After"/> made.</exception>
    public static DeadLetterCursor Read(string token)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != OperationStatus.Done || written != Size)
            throw Malformed();
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            throw Malformed();
        return new DeadLetterCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[8..], bigEndian: true));
    }

    private static InvalidQueryException Malformed() =>
        new("before", "before must be a token from the Link header of an earlier page.");
}
