using Orleans.Faas.DeadLetters;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.DeadLetters;

/// <summary>The opaque <c>before</c> token that continues a dead-letter list after a letter (<see cref="PageToken"/>): its failure time and id.</summary>
public static class DeadLetterPageToken
{
    private const int Size = sizeof(long) + 16;

    public static string After(DeadLetter last)
    {
        Span<byte> bytes = stackalloc byte[Size];
        last.Id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return PageToken.Write(bytes, last.FailedAt);
    }

    /// <exception cref="InvalidQueryException">The token is not one <see cref="After"/> made.</exception>
    public static DeadLetterCursor Read(string token)
    {
        Span<byte> bytes = stackalloc byte[Size];
        var failedAt = PageToken.Read(token, bytes);
        return new DeadLetterCursor(failedAt, new Guid(bytes[8..], bigEndian: true));
    }
}
