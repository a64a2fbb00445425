namespace Orleans.Faas.Retention;

/// <summary>
/// The finished grains of one type that expire in one time range, keyed by the range's end (Unix seconds) and the
/// grain type; when the range ends it expires them all and forgets itself.
/// </summary>
[Alias("faas.IExpiryBucketGrain")]
public interface IExpiryBucketGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Adds a grain of the bucket's type, by its key; persisted with the others that arrive about then.</summary>
    [OneWay, Alias("Add")]
    Task Add(Guid grain);
}
