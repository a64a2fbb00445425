namespace Orleans.Faas.Watch;

/// <summary>The persisted state of one watch range: its tasks, each with when it is next due.</summary>
[GenerateSerializer, Alias("faas.TaskWatchRecord")]
public sealed class TaskWatchRecord
{
    [Id(0)]
    public Dictionary<Guid, DateTimeOffset> Due { get; set; } = [];
}
