using Microsoft.Extensions.Logging;
using Orleans.Faas.DeadLetters;

namespace Orleans.Faas.Tasks;

/// <summary>
/// A task that ends FAILED after its retry policy, by anything but a cancel, is kept in its function's dead letters
/// with its input and every run. The letter is stored before the task's FAILED is, so nobody sees a failed task that is
/// not there; a finish stored again after a failed write adds it again under the same id, which changes nothing.
/// </summary>
public sealed partial class TaskGrain
{
    /// <param name="failed">The task as it is about to be stored.</param>
    /// <exception cref="TaskNotStoredException">The letter could not be stored; the task stays as it was.</exception>
    private async Task KeepDeadLetter(TaskRecord failed)
    {
        if (failed.Status != TaskState.Failed || failed.FailureReason == FailureReasons.Cancelled)
            return;
        var submission = failed.Submission!;
        var letter = new DeadLetter(
            Id, FunctionName, submission.Function.Version, failed.FinishedAt!.Value, failed.FailureReason, failed.Error, submission.Input, failed.Runs, submission.Batch);
        try
        {
            await deadLetters.Add(letter, CancellationToken.None);
        }
        catch (Exception e) // the store's own errors, e.g. its database being away
        {
            LogDeadLetterNotStored(e, Id);
            throw new TaskNotStoredException(Id, $"its dead letter could not be stored ({e.Message}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its dead letter could not be stored, so its failure is not stored either")]
    private partial void LogDeadLetterNotStored(Exception exception, Guid taskId);
}
