using Microsoft.Extensions.Logging;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tasks;

public sealed partial class TaskGrain
{
    public async Task<TaskSnapshot?> Cancel()
    {
        if (Record.Submission is null)
            return null;
        if (TaskLifecycle.IsFinished(Record.Status))
            throw new TaskAlreadyFinishedException(Id, Record.Status);

        // Failed first, so whatever the run reports from now on is stale; then the run is stopped.
        var attempt = new TaskAttempt(Id, Record.Attempts);
        var provider = Record.Provider;
        await FailNow(FailureReasons.Cancelled, "Cancelled by a caller.");

        if (provider is not null)
        {
            try
            {
                await GrainFactory.GetGrain<IWorkerGrain>(provider).Cancel(attempt);
            }
            catch (TimeoutException)
            {
                // Told to stop, the run has not ended within the node's patience; the node goes on stopping it.
                LogStopSlow(Id, provider);
            }
            catch (Exception e) when (e is ProviderSiloUnavailableException or OrleansException)
            {
                // The node is gone or unreachable; with it went the run.
                LogStopFailed(e, Id, provider);
            }
        }
        return Snapshot();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: cancelled, but provider {Provider} could not be asked to stop the run")]
    private partial void LogStopFailed(Exception exception, Guid taskId, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: cancelled, but its run on provider {Provider} has not ended yet; the provider goes on stopping it")]
    private partial void LogStopSlow(Guid taskId, string provider);
}
