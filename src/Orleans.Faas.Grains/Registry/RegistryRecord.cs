namespace Orleans.Faas.Registry;

[GenerateSerializer, Alias("faas.RegistryRecord")]
public sealed class RegistryRecord
{
    [Id(0)]
    public SortedSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
