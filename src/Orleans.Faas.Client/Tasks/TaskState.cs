namespace Orleans.Faas.Client;

/// <summary>Where a task is in its life: QUEUED → RUNNING → COMPLETED | FAILED.</summary>
public enum TaskState
{
    Queued,
    Running,
    Completed,
    Failed,
}
