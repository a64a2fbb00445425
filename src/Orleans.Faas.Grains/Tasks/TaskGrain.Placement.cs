using Microsoft.Extensions.Logging;
using Orleans.Faas.Providers;
using Orleans.Faas.Resilience;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Telemetry;
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
            metrics.AttemptRetried(lostProvider);

        var maxAttempts = Record.Submission!.Function.Definition.MaxAttempts;
        if (Record.Submission.PinnedProvider is { } pinned)
        {
            await FailLost($"The task is pinned to provider '{pinned}', which was lost during attempt {attempt}; pinned tasks never move to another provider.");
            return;
        }
        if (Record.Attempts - Record.PlacementsBefore >= maxAttempts)
        {
            await FailLost($"Provider '{lostProvider}' was lost during attempt {attempt}, the last of {maxAttempts} allowed.");
            return;
        }

        LogRetrying(Id, lostProvider, Record.Attempts - Record.PlacementsBefore + 1, maxAttempts);
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
        await PlaceNextAttempt();
    }

    /// <summary>
    /// The current attempt ended without an outcome: the task is QUEUED again as its next attempt, placed, and stored
    /// once with where it went, or unplaced when nothing could take it now (the watchdog tries again).
    /// </summary>
    private async Task PlaceNextAttempt()
    {
        var next = Record.Copy();
        next.Attempts++;
        var placed = await TryPlace(next);
        await Store(r =>
        {
            if (r.Status == TaskState.Running)
                MoveTo(r, TaskState.Queued);
            r.Attempts = next.Attempts;
            (r.Provider, r.Placement, r.StartedAt, r.LoadAtStart) = (placed?.Provider, placed?.Decision, null, null);
            StartIfSlotTaken(r, placed);
        });
        TellBatch();
        ReachedIfStarted(placed);
    }

    /// <summary>The watchdog found the current attempt unplaced, or its retry due: it is placed now if anything can take it.</summary>
    private async Task PlaceUnplacedAttempt()
    {
        if (await TryPlace(Record) is not { } placed)
            return;
        await Store(r =>
        {
            (r.Provider, r.Placement, r.RetryAt) = (placed.Provider, placed.Decision, null);
            StartIfSlotTaken(r, placed);
        });
        if (placed.StartedWith is not null)
            TellBatch();
        ReachedIfStarted(placed);
    }

    /// <summary>
    /// A free slot took the attempt as its worker admitted it: the write that stores where it went stores it RUNNING
    /// too, so the worker's start (<see cref="TryStart"/>) finds it started and writes nothing. A crash before that
    /// write loses the placement and the start alike, as it lost the placement alone before.
    /// </summary>
    private void StartIfSlotTaken(TaskRecord record, Placed? placed)
    {
        if (placed?.StartedWith is not { } load)
            return;
        MoveTo(record, TaskState.Running);
        (record.StartedAt, record.LoadAtStart) = (clock.GetUtcNow(), load);
    }

    private void ReachedIfStarted(Placed? placed)
    {
        if (placed?.StartedWith is not null)
            metrics.TaskReached(FunctionName, TaskState.Running);
    }

    private Task FailLost(string error) => FailNow(FailureReasons.ProviderLost, error);

    /// <summary>
    /// Places <paramref name="task"/>'s current attempt from this silo's provider view and hands it to the first worker in
    /// the plan that takes it (an unreachable one, or one whose queue is full, is skipped for the next). Stores nothing:
    /// the caller stores where it went and why.
    /// </summary>
    /// <exception cref="QueueFullException">Every worker that answered had a full queue.</exception>
    private async Task<Placed> Place(TaskRecord task)
    {
        var submission = task.Submission!;
        using var span = FaasTracing.StartInTask(FaasTracing.Placement, submission.TraceParent)?
            .SetTag("faas.task_id", Id.ToString()).SetTag("faas.attempt", task.Attempts);
        var deadlineMs = submission.Deadline is { } deadline ? (task.QueuedAt + deadline - clock.GetUtcNow()).TotalMilliseconds : (double?)null;
        var plan = await placer.Plan(
            new PlacementRequest(submission.Function, submission.InputSize, submission.Estimate, submission.Features, deadlineMs, submission.Code), submission.PinnedProvider);
        double? fullFor = null;
        for (var i = 0; i < plan.Ranked.Count; i++)
        {
            var provider = plan.Ranked[i].Id;
            var (decision, estimate) = placer.Decide(plan, i);
            var assignment = new TaskAssignment(
                Id, task.Attempts, submission.Function, submission.Input, submission.PinnedProvider, estimate.RuntimeMs, submission.CacheWays, submission.Code,
                span?.Id ?? submission.TraceParent);
            Admission admission;
            try
            {
                admission = await GrainFactory.GetGrain<IWorkerGrain>(provider).Enqueue(assignment);
            }
            catch (Exception e) when (WorkerUnreachable.Is(e))
            {
                LogProviderUnreachable(e, provider, Id);
                if (submission.PinnedProvider is not null)
                    throw new PinnedProviderUnavailableException(provider, plan.Ranked[i].Status, "its worker could not be reached: the node's silo has stopped, is leaving the cluster or does not answer.");
                continue;
            }
            placer.Answered(provider, admission.Load);
            if (!admission.Taken)
            {
                LogProviderFull(provider, Id);
                fullFor = Math.Min(fullFor ?? double.MaxValue, admission.RetryAfterSeconds);
                continue;
            }
            span?.SetTag("faas.provider", provider).SetTag("faas.predicted_run_ms", decision.PredictedRuntimeMs).SetTag("faas.expected_finish_ms", decision.ExpectedFinishMs);
            return new Placed(provider, decision, admission.StartedWith);
        }
        if (fullFor is { } wait)
            throw new QueueFullException(submission.PinnedProvider is { } pinned
                ? $"The task is pinned to provider '{pinned}', whose queue is full."
                : $"Every provider that can run '{submission.Function.Definition.Name}' now has a full queue.", wait);
        throw new NoProviderAvailableException(submission.Function.Definition.Runtime);
    }

    /// <summary>
    /// Places an acknowledged task's attempt, riding out a silo loss still being detected; null when nothing can take
    /// it now (every queue full, say): it stays QUEUED and the watchdog tries again.
    /// </summary>
    private async Task<Placed?> TryPlace(TaskRecord task)
    {
        try
        {
            return await ClusterCalls.ThroughSiloLoss.ExecuteInGrain(() => Place(task));
        }
        catch (Exception e) when (e is NoProviderAvailableException or QueueFullException or UnmetConstraintException or OrleansException or TimeoutException)
        {
            LogPlacementDeferred(e, Id, task.Attempts);
            return null;
        }
    }

    /// <param name="StartedWith">The worker's load as a free slot took the attempt at once; null when it waits in the worker's queue.</param>
    private sealed record Placed(string Provider, PlacementDecision Decision, ProviderLoad? StartedWith);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {ProviderId} could not take task {TaskId}; trying the next one")]
    private partial void LogProviderUnreachable(Exception exception, string providerId, Guid taskId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Provider {ProviderId} has a full queue and did not take task {TaskId}; trying the next one")]
    private partial void LogProviderFull(string providerId, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: provider {Provider} was lost; placing attempt {Attempt} of {MaxAttempts}")]
    private partial void LogRetrying(Guid taskId, string? provider, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: attempt {Attempt} could not be placed yet; the watchdog will try again")]
    private partial void LogPlacementDeferred(Exception exception, Guid taskId, int attempt);
}
