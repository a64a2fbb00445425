namespace Orleans.Faas.Client;

/// <summary>A task that ended FAILED after its function's retry policy, kept until it is replayed or deleted; its id is the task's.</summary>
public sealed record DeadLetter
{
    public Guid Id { get; init; }

    public string Function { get; init; } = "";

    /// <summary>The version the task ran; a replay runs the function's latest.</summary>
    public int FunctionVersion { get; init; }

    public DateTimeOffset FailedAt { get; init; }

    public string? FailureReason { get; init; }

    public string? Error { get; init; }

    public int InputBytes { get; init; }

    /// <summary>Every run of the task, oldest first, each with its reason.</summary>
    public IReadOnlyList<TaskRun> Runs { get; init; } = [];

    /// <summary>The batch the task was an item of, if any.</summary>
    public TaskBatch? Batch { get; init; }

    /// <summary>The task's input; only in <see cref="FaasClient.GetDeadLetterAsync"/>'s answer, null in a list.</summary>
    public byte[]? Input { get; init; }
}

/// <summary>A replayed dead letter: the new task that runs its input again.</summary>
public sealed record DeadLetterReplay(Guid DeadLetterId, Guid TaskId, string StatusUrl);
