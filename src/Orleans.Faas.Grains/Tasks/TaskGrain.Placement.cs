using Microsoft.Extensions.Logging;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tasks;

public sealed partial class TaskGrain
{
    public async Task RetryAfterProviderLoss(int attempt)
    {
        if (IsStale(attempt))
            return;

        var lostProvider = Record.Provider;
        if (lostProvider is not null)
        {
            metrics.AttemptRetried(lostProvider);
            GrainFactory.GetGrain<IProviderGrain>(lostProvider).Release(new TaskAttempt(Id, attempt)).Ignore();
        }

        var maxAttempts = Record.Submission!.Function.Definition.MaxAttempts;
        if (Record.Submission.PinnedProvider is { } pinned)
        {
            await FailLost($"The task is pinned to provider '{pinned}', which was lost during attempt {attempt}; pinned tasks never move to another provider.");
            return;
        }
        if (Record.Attempts >= maxAttempts)
        {
            await FailLost($"Provider '{lostProvider}' was lost during attempt {attempt}, the last of {maxAttempts} allowed.");
            return;
        }

        LogRetrying(Id, lostProvider, Record.Attempts + 1, maxAttempts);
        await PlaceNextAttempt();
    }

    public async Task HandBack(int attempt)
    {
        if (IsStale(attempt) || Record.Status != TaskState.Queued)
            return;
        if (Record.Submission!.PinnedProvider is { } pinned)
        {
            await FailLost($"The task is pinned to provider '{pinned}', which stopped before it started the task; pinned tasks never move to another provider.");
            return;
        }
        if (Record.Provider is { } stopping)
            GrainFactory.GetGrain<IProviderGrain>(stopping).Release(new TaskAttempt(Id, attempt)).Ignore();
        await PlaceNextAttempt();
    }

    /// <summary>The current attempt ended without an outcome: the task is QUEUED again as its next attempt, unplaced, and placed.</summary>
    private async Task PlaceNextAttempt()
    {
        await Store(r =>
        {
            if (r.Status == TaskState.Running)
                MoveTo(r, TaskState.Queued);
            r.Attempts++;
            (r.Provider, r.StartedAt, r.LoadAtStart, r.Placement) = (null, null, null, null);
        });
        TellBatch();
        await TryPlace();
    }

    private Task FailLost(string error) => FailNow(FailureReasons.ProviderLost, error);

    /// <summary>
    /// Places the current attempt from this silo's provider view and hands it to the first worker in the plan that
    /// takes it (an unreachable one, or one whose queue is full, is skipped for the next); remembers where it went and
    /// why, on the task and on the provider.
    /// </summary>
    /// <exception cref="QueueFullException">Every worker that answered had a full queue.</exception>
    private async Task Place()
    {
        var submission = Record.Submission!;
        var plan = await placer.Plan(new PlacementRequest(submission.Function, submission.InputSize, submission.Estimate), submission.PinnedProvider);
        double? fullFor = null;
        for (var i = 0; i < plan.Ranked.Count; i++)
        {
            var provider = plan.Ranked[i].Id;
            var (decision, estimate) = placer.Decide(plan, i);
            var assignment = new TaskAssignment(
                Id, Record.Attempts, submission.Function, submission.Input, submission.PinnedProvider, estimate.RuntimeMs, submission.CacheWays);
            Admission admission;
            try
            {
                admission = await GrainFactory.GetGrain<IWorkerGrain>(provider).Enqueue(assignment);
            }
            catch (Exception e) when (e is ProviderSiloUnavailableException or SiloUnavailableException or TimeoutException)
            {
                LogProviderUnreachable(e, provider, Id);
                if (submission.PinnedProvider is not null)
                    throw new PinnedProviderUnavailableException(provider, plan.Ranked[i].Status, $"its worker could not be reached ({e.Message}).");
                continue;
            }
            placer.Answered(provider, admission.Load);
            if (!admission.Taken)
            {
                LogProviderFull(provider, Id);
                fullFor = Math.Min(fullFor ?? double.MaxValue, admission.RetryAfterSeconds);
                continue;
            }
            await Task.WhenAll(
                GrainFactory.GetGrain<IProviderGrain>(provider).Track(new TaskAttempt(Id, Record.Attempts)),
                Store(r => (r.Provider, r.Placement) = (provider, decision)));
            return;
        }
        if (fullFor is { } wait)
            throw new QueueFullException(submission.PinnedProvider is { } pinned
                ? $"The task is pinned to provider '{pinned}', whose queue is full."
                : $"Every provider that can run '{FunctionName}' now has a full queue.", wait);
        throw new NoProviderAvailableException(submission.Function.Definition.Runtime);
    }

    /// <summary>
    /// Places an acknowledged task, riding out a silo loss still being detected; when nothing can take it now (every
    /// queue full, say) it stays QUEUED and the watchdog tries again.
    /// </summary>
    private async Task TryPlace()
    {
        try
        {
            await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ => await Place());
        }
        catch (Exception e) when (e is NoProviderAvailableException or QueueFullException or UnmetConstraintException or OrleansException or TimeoutException)
        {
            LogPlacementDeferred(e, Id, Record.Attempts);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId} could not take task {TaskId}; trying the next one")]
    private partial void LogProviderUnreachable(Exception exception, string providerId, Guid taskId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Provider {ProviderId} has a full queue and did not take task {TaskId}; trying the next one")]
    private partial void LogProviderFull(string providerId, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: provider {Provider} was lost; placing attempt {Attempt} of {MaxAttempts}")]
    private partial void LogRetrying(Guid taskId, string? provider, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: attempt {Attempt} could not be placed yet; the watchdog will try again")]
    private partial void LogPlacementDeferred(Exception exception, Guid taskId, int attempt);
}
