using System.Text.Json;
using Orleans.Faas.HttpModel.Json;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>Every task of every arrival run as JSON, with the task as the platform reported it, for a closer look afterwards.</summary>
public static class TaskLog
{
    private static readonly JsonSerializerOptions Json = new(FaasJson.Options) { WriteIndented = true };

    public static void Write(IEnumerable<RunResult> runs, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(runs.Select(run => new
        {
            placement = run.Placement,
            tasks = run.Tasks.Select(t => new
            {
                arrival = t.Arrival.Index,
                offsetMs = t.Arrival.Offset.TotalMilliseconds,
                kind = t.Arrival.Kind.ToString(),
                submittedAt = t.SubmittedAt,
                completionMs = t.Completed ? t.Completion.TotalMilliseconds : (double?)null,
                task = t.Task,
            }),
        }), Json));
}
