using System.Security.Cryptography;

namespace Orleans.Faas.Batches;

/// <summary>
/// The task id of each item of a batch, fixed by the batch id and the item's index, so a start that is taken up again
/// submits under the ids it began with. 128 bits of SHA-256 make two items sharing an id beyond likely.
/// </summary>
public static class BatchTaskIds
{
    public static Guid Of(Guid batchId, int index)
    {
        Span<byte> key = stackalloc byte[20];
        batchId.TryWriteBytes(key);
        BitConverter.TryWriteBytes(key[16..], index);
        return new Guid(SHA256.HashData(key).AsSpan(0, 16));
    }
}
