namespace Orleans.Faas.Triggers;

[GenerateSerializer, Alias("faas.TriggerNotFoundException")]
public sealed class TriggerNotFoundException(string name) : Exception($"Trigger '{name}' does not exist.")
{
    [Id(0)]
    public string Name { get; } = name;
}
