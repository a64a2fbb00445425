namespace Orleans.Faas.Chains;

[GenerateSerializer, Alias("faas.ChainNotFoundException")]
public sealed class ChainNotFoundException(string name) : Exception($"Chain '{name}' is not defined.")
{
    [Id(0)]
    public string Name { get; } = name;
}
