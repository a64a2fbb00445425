namespace Orleans.Faas.Tasks;

[GenerateSerializer, Alias("faas.IllegalTaskTransitionException")]
public sealed class IllegalTaskTransitionException(Guid id, TaskState from, TaskState to)
    : Exception($"Task '{id}' cannot go from {from} to {to}.")
{
    [Id(0)]
    public TaskState From { get; } = from;

    [Id(1)]
    public TaskState To { get; } = to;
}
