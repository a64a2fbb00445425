namespace Orleans.Faas.Benchmarks;

/// <summary>Inputs of a given size for sizes the caller gave no sample for: lowercase letters, the same for the same size.</summary>
public static class GeneratedInputs
{
    /// <summary>The largest input generated; larger sizes need a sample (and then declare their size).</summary>
    public const long MaxBytes = 6 * 1024 * 1024;

    public static byte[] OfSize(long size)
    {
        var random = new Random((int)(size % int.MaxValue));
        var bytes = new byte[size];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)('a' + random.Next(26));
        return bytes;
    }
}
