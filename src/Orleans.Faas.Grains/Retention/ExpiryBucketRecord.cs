namespace Orleans.Faas.Retention;

/// <summary>The persisted state of one expiry bucket: the keys of the grains it expires.</summary>
[GenerateSerializer, Alias("faas.ExpiryBucketRecord")]
public sealed class ExpiryBucketRecord
{
    [Id(0)]
    public HashSet<Guid> Members { get; set; } = [];
}
