namespace Orleans.Faas.Functions;

[GenerateSerializer, Alias("faas.FunctionNotFoundException")]
public sealed class FunctionNotFoundException(string name) : Exception($"Function '{name}' is not registered.")
{
    [Id(0)]
    public string Name { get; } = name;
}
