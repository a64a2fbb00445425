namespace Orleans.Faas.Secrets;

[GenerateSerializer, Alias("faas.SecretNotFoundException")]
public sealed class SecretNotFoundException(string name) : Exception($"Secret '{name}' does not exist.")
{
    [Id(0)]
    public string Name { get; } = name;
}
