namespace Orleans.Faas.Chains;

[GenerateSerializer, Alias("faas.ChainRunNotFoundException")]
public sealed class ChainRunNotFoundException(string chain, Guid id) : Exception($"Chain '{chain}' has no run '{id}'.")
{
    [Id(0)]
    public string Chain { get; } = chain;

    [Id(1)]
    public Guid Id { get; } = id;
}
