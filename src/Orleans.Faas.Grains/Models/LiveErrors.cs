using System.Collections.Immutable;
using Orleans.Faas.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Models;

/// <summary>The live prediction error per function and provider, from the newest completed runs that carried a prediction.</summary>
public static class LiveErrors
{
    /// <summary>Runs per function and provider the error is taken over.</summary>
    public const int Window = 50;

    public static ImmutableArray<LiveError> Of(IEnumerable<ExecutionRecord> newestFirst) =>
        [.. newestFirst
            .Where(r => r.Status == TaskState.Completed && r.WallMs > 0 && r.PredictedMs is not null)
            .GroupBy(r => (r.Function, r.Provider))
            .Select(g => g.Take(Window).ToList())
            .Select(runs => new LiveError(runs[0].Function, runs[0].Provider, runs.Average(r => Math.Abs(r.PredictedMs!.Value - r.WallMs) / r.WallMs), runs.Count))
            .OrderBy(e => e.Function, StringComparer.Ordinal)
            .ThenBy(e => e.Provider, StringComparer.Ordinal)];
}
