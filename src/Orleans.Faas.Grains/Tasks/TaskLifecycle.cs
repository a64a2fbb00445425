namespace Orleans.Faas.Tasks;

/// <summary>The legal moves of a task; everything else is rejected.</summary>
public static class TaskLifecycle
{
    public static bool IsLegal(TaskState from, TaskState to) => (from, to) switch
    {
        (TaskState.Queued, TaskState.Running) => true,
        (TaskState.Queued, TaskState.Failed) => true,
        (TaskState.Running, TaskState.Completed) => true,
        (TaskState.Running, TaskState.Failed) => true,
        (TaskState.Running, TaskState.Queued) => true, // its provider was lost; the task is placed again
        _ => false,
    };

    public static bool IsFinished(TaskState state) => state is TaskState.Completed or TaskState.Failed;
}
