namespace Orleans.Faas.Tasks;

[GenerateSerializer, Alias("faas.TaskNotFoundException")]
public sealed class TaskNotFoundException(Guid id) : Exception($"Task '{id}' does not exist.")
{
    [Id(0)]
    public Guid Id { get; } = id;
}
