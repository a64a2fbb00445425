using Orleans.Faas.HttpModel.Tasks;

namespace Orleans.Faas.Gateway.DeadLetters;

/// <summary>A replayed dead letter: the new task that runs its input again, and where to poll for it.</summary>
public sealed record DeadLetterReplay(Guid DeadLetterId, Guid TaskId, string StatusUrl)
{
    public static DeadLetterReplay Of(Guid deadLetterId, Guid taskId) => new(deadLetterId, taskId, TaskUrls.Status(taskId));
}
