using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.History;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Profiles;
using Orleans.Faas.Scheduling.View;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Models;

/// <summary>
/// Turns the newest completed runs of the history into training rows: each run's own conditions (CPU quota, load at
/// start, cold or warm, its declared features' values) with its provider's facts and scores and its function's profile
/// at its input size and its declared features, as they are now. Runs on providers this silo does not know are left out.
/// </summary>
public sealed class TrainingRows(IExecutionHistory history, ProviderView view, IGrainFactory grains, IOptions<ModelOptions> options)
{
    public async Task<IReadOnlyList<TrainingRow>> BuildAsync(CancellationToken cancellationToken)
    {
        var runs = (await history.QueryAsync(new ExecutionQuery(null, null, options.Value.Window), cancellationToken))
            .Where(r => r.Status == TaskState.Completed && r.WallMs > 0)
            .ToList();
        var profiles = new Dictionary<(string Function, long Size), ProfileEstimate?>();
        foreach (var key in runs.Select(r => (r.Function, Size(r))).Distinct())
            profiles[key] = await ProfileOf(key.Function, key.Item2);
        var declared = new Dictionary<string, IReadOnlyList<string>?>();
        foreach (var function in runs.Where(r => r.Features is not null).Select(r => r.Function).Distinct())
            declared[function] = await DeclaredOf(function);

        var rows = new List<TrainingRow>(runs.Count);
        foreach (var run in runs)
        {
            if (view.Find(run.Provider) is not { } provider)
                continue;
            var features = RuntimeFeatures.Build(profiles[(run.Function, Size(run))]?.Stats, Size(run), RuntimeOf(run), new ProviderFeatures(
                provider.Scores?.CpuEfficiency,
                provider.Scores?.MemoryEfficiency,
                run.CpuQuota,
                provider.Facts.LlcBytes,
                provider.Facts.MemoryBytes,
                run.RunningAtStart ?? 0,
                run.QueuedAtStart ?? 0,
                run.Cold ?? false),
                run.Features is { } values ? DeclaredSlots.Of(declared[run.Function] ?? values.Keys, values) : default);
            rows.Add(new TrainingRow(features, run.WallMs));
        }
        return rows;
    }

    private static long Size(ExecutionRecord run) => run.InputSize ?? run.InputBytes;

    /// <summary>Only container runs spend time getting their container.</summary>
    private static FunctionRuntime RuntimeOf(ExecutionRecord run) => run.ContainerMs is null ? FunctionRuntime.Process : FunctionRuntime.Docker;

    /// <summary>The names the function declares now; null for a function since deleted, whose runs' slots follow their own names.</summary>
    private async Task<IReadOnlyList<string>?> DeclaredOf(string function) =>
        await grains.GetGrain<IFunctionGrain>(function).GetLatest() is { } latest ? [.. latest.Definition.Features.Select(f => f.Name)] : null;

    private async Task<ProfileEstimate?> ProfileOf(string function, long size)
    {
        try
        {
            return await grains.GetGrain<IFunctionGrain>(function).Estimate(size);
        }
        catch (FunctionNotFoundException)
        {
            return null;
        }
    }
}
