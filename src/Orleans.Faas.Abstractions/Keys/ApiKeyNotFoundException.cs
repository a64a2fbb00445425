namespace Orleans.Faas.Keys;

[GenerateSerializer, Alias("faas.ApiKeyNotFoundException")]
public sealed class ApiKeyNotFoundException(string id) : Exception($"There is no API key with id '{id}'.")
{
    [Id(0)]
    public string Id { get; } = id;
}
