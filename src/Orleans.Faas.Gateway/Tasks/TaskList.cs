using System.Collections.Immutable;
using System.Text.Json;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.History;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Gateway.Tasks;

/// <summary>
/// The tasks of a namespace as the cluster knows them: the attempts the providers' workers hold (running, then queued
/// in queue order) and the latest finished attempts from the execution history, newest first.
/// </summary>
public static class TaskList
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public const string Description = "One entry per attempt, at most limit entries: first the attempts the providers hold now, "
        + "RUNNING ones then QUEUED ones in each provider's queue order, then finished attempts (COMPLETED, FAILED) from the execution history, "
        + "newest first. A task waiting to be placed (no provider holds it yet) is not listed; a task retried after a failed attempt "
        + "is listed once per attempt. Finished attempts are read among the latest limit ones of the function and provider asked for, "
        + "so a status or namespace filter may leave fewer. status is QUEUED, RUNNING, COMPLETED or FAILED; a status, function or limit "
        + "that is not valid is a 400 validation problem naming the parameter.";

    public static async Task<IReadOnlyList<TaskListEntry>> Read(
        NamespaceScope scope, string? status, string? function, string? provider, int? limit, IGrainFactory grains)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
            throw new InvalidQueryException("limit", $"limit must be between 1 and {MaxLimit}.");
        var state = status is null ? (TaskState?)null : StateNamed(status);
        var qualified = function is null ? null : scope.Qualify(function) ?? throw new InvalidQueryException("function", $"'{function}' is no valid function name.");

        bool Wanted(string entryFunction, TaskState entryState) =>
            scope.Holds(entryFunction) && (qualified is null || entryFunction == qualified) && (state is null || entryState == state);

        var held = state is TaskState.Completed or TaskState.Failed ? [] : await HeldBy(provider, grains);
        var finished = state is TaskState.Queued or TaskState.Running
            ? []
            : await grains.GetGrain<IExecutionHistoryGrain>(0).Query(new ExecutionQuery(qualified, provider, take));
        return held.Where(e => Wanted(e.Function, e.Status))
            .Concat(finished.Where(r => Wanted(r.Function, r.Status)).Select(TaskListEntry.Finished))
            // An attempt that just finished may still be held while its outcome is being reported.
            .DistinctBy(e => (e.Id, e.Attempt))
            .Take(take)
            .ToList();
    }

    /// <summary>What the workers of the live providers (or of the one named) hold; a provider whose silo is going away holds nothing.</summary>
    private static async Task<ImmutableArray<TaskListEntry>> HeldBy(string? provider, IGrainFactory grains)
    {
        var providers = (await grains.GetGrain<IProviderDirectoryGrain>(0).List())
            .Where(p => p.Status != ProviderStatus.Down && (provider is null || p.Id == provider));
        var held = await Task.WhenAll(providers.Select(async p =>
        {
            try
            {
                return (await grains.GetGrain<IWorkerGrain>(p.Id).GetHeld()).Select(a => TaskListEntry.Held(a, p.Id));
            }
            catch (Exception e) when (WorkerUnreachable.Is(e))
            {
                return [];
            }
        }));
        return [.. held.SelectMany(h => h).OrderBy(e => e.Status == TaskState.Running ? 0 : 1)];
    }

    private static readonly ImmutableSortedDictionary<string, TaskState> States =
        Enum.GetValues<TaskState>().ToImmutableSortedDictionary(s => JsonNamingPolicy.SnakeCaseUpper.ConvertName(s.ToString()), s => s, StringComparer.OrdinalIgnoreCase);

    private static TaskState StateNamed(string status) =>
        States.TryGetValue(status, out var state)
            ? state
            : throw new InvalidQueryException("status", $"'{status}' is no task status; use one of {string.Join(", ", States.Keys)}.");
}
