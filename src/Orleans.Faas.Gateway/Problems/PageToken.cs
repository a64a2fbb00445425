using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;

namespace Orleans.Faas.Gateway.Problems;

/// <summary>
/// The opaque <c>before</c> tokens of paged lists: base64url of a fixed number of bytes, a UTC time's ticks first,
/// big-endian. A token that no page gave is a 400 naming <c>before</c>.
/// </summary>
public static class PageToken
{
    public static string Write(Span<byte> bytes, DateTimeOffset at)
    {
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.UtcTicks);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Fills <paramref name="bytes"/> from the token and returns the time it starts with.</summary>
    /// <exception cref="InvalidQueryException">The token is not one <see cref="Write"/> made of as many bytes.</exception>
    public static DateTimeOffset Read(string token, Span<byte> bytes)
    {
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != OperationStatus.Done || written != bytes.Length)
            throw Malformed();
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            throw Malformed();
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private static InvalidQueryException Malformed() =>
        new("before", "before must be a token from the Link header of an earlier page.");
}
