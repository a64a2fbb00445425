using Orleans.Faas.Benchmarks.Placement;
using Orleans.Faas.Benchmarks.Simulation;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Benchmarks.Replay;

/// <summary>One arrival run of a placement benchmark's task log as training rows, newest first as the history gives them.</summary>
/// <param name="Cells">Each row's kind of task and provider, in the order of <paramref name="Rows"/>.</param>
public sealed record ReplayedRun(string Placement, IReadOnlyList<TrainingRow> Rows, IReadOnlyList<(string Kind, string Provider)> Cells)
{
    /// <summary>
    /// The error floor of any model whose features cannot tell two runs of a kind on a provider apart: each row
    /// predicted by the median wall time of its own kind and provider in this very run.
    /// </summary>
    public double CellMedianMape() => CellRatios().Average(r => Math.Abs(1 / r.Ratio - 1));

    /// <summary>Each completed row's wall time over the median of its kind on its provider in this run.</summary>
    public IEnumerable<((string Kind, string Provider) Cell, double Ratio)> CellRatios()
    {
        var medians = Medians();
        return Rows.Select((row, i) => (Cells[i], row.WallMs / medians[Cells[i]]));
    }

    /// <summary>Each completed row's kind of task, provider and wall time.</summary>
    public IEnumerable<(string Kind, string Provider, double WallMs)> Walls => Cells.Zip(Rows, (cell, row) => (cell.Kind, cell.Provider, row.WallMs));

    private Dictionary<(string Kind, string Provider), double> Medians() => ObservedRunTimes.Medians(Walls);

    internal static ReplayedRun Of(LoggedRun run, Func<LoggedTask, TrainingRow> row)
    {
        var completed = run.Tasks.Where(t => t.Task.Metrics is { WallMs: > 0 } && t.Task.StartedAt is not null)
            .OrderByDescending(t => t.Task.StartedAt)
            .ToList();
        return new(run.Placement, [.. completed.Select(row)], [.. completed.Select(t => (t.Kind, t.Task.Provider!))]);
    }
}

/// <summary>What the replay reads of one run in <c>placement-tasks.json</c> (<see cref="TaskLog"/>).</summary>
internal sealed record LoggedRun(string Placement, IReadOnlyList<LoggedTask> Tasks);

/// <param name="Arrival">The task's index in the arrival sequence, the same in every run.</param>
/// <param name="OffsetMs">When it was submitted, from the start of its run.</param>
/// <param name="CompletionMs">From its submission to its finish; none if it did not complete.</param>
internal sealed record LoggedTask(int Arrival, double OffsetMs, string Kind, double? CompletionMs, TaskView Task);
