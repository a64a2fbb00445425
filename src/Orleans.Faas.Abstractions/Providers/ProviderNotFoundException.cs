namespace Orleans.Faas.Providers;

[GenerateSerializer, Alias("faas.ProviderNotFoundException")]
public sealed class ProviderNotFoundException(string id) : Exception($"Provider '{id}' does not exist: no silo ever registered it.")
{
    [Id(0)]
    public string Id { get; } = id;
}
