namespace Orleans.Faas.Tasks;

[GenerateSerializer, Alias("faas.TaskAlreadyFinishedException")]
public sealed class TaskAlreadyFinishedException(Guid id, TaskState status)
    : Exception($"Task '{id}' is already {status.ToString().ToUpperInvariant()}; there is nothing to cancel.")
{
    [Id(0)]
    public Guid Id { get; } = id;

    [Id(1)]
    public TaskState Status { get; } = status;
}
