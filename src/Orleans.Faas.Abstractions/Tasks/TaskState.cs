namespace Orleans.Faas.Tasks;

/// <summary>Where a task is in its life: QUEUED → RUNNING → COMPLETED | FAILED.</summary>
[GenerateSerializer]
public enum TaskState
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
}
