using Orleans.Faas.Prediction.Trees;
using ScottPlot;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>The placement benchmark's charts, as PNG files.</summary>
public static class PlacementCharts
{
    private const int Width = 1000;
    private const int Height = 600;

    /// <summary>Mean and p95 completion time per placement, as grouped bars.</summary>
    public static void Completion(IReadOnlyList<RunResult> runs, string path)
    {
        var plot = new Plot();
        var mean = plot.Add.Palette.GetColor(0);
        var p95 = plot.Add.Palette.GetColor(1);
        var bars = new List<Bar>();
        for (var i = 0; i < runs.Count; i++)
        {
            var completion = runs[i].Completion;
            bars.Add(Bar(3 * i, completion.Mean / 1000, mean));
            bars.Add(Bar(3 * i + 1, completion.Percentile(95) / 1000, p95));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. runs.Select((_, i) => 3.0 * i + 0.5)], [.. runs.Select(r => r.Placement)]);
        plot.Axes.Margins(bottom: 0);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "mean", FillColor = mean });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "p95", FillColor = p95 });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.YLabel("completion time (s): finish − submission");
        plot.Title($"The same {runs[0].Tasks.Count} arrivals under each placement");
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Predicted against actual run time of the tasks a trained model placed: FastTree's prediction and the linear model's.</summary>
    public static void Predictions(RunResult predictive, string path)
    {
        var placed = predictive.Completed
            .Where(t => t.Task.Placement is { ModelKind: FastTreeRuntimeModel.FastTreeKind or FastTreeRuntimeModel.ResidualKind, PredictedRuntimeMs: not null, LinearRuntimeMs: not null })
            .Select(t => (Wall: t.Task.Metrics!.WallMs, FastTree: t.Task.Placement!.PredictedRuntimeMs!.Value, Linear: t.Task.Placement.LinearRuntimeMs!.Value))
            .ToList();
        var plot = new Plot();
        plot.Add.ScatterPoints(placed.Select(t => t.Wall).ToArray(), placed.Select(t => t.FastTree).ToArray()).LegendText = "FastTree";
        plot.Add.ScatterPoints(placed.Select(t => t.Wall).ToArray(), placed.Select(t => t.Linear).ToArray()).LegendText = "linear efficiency";
        var top = placed.Select(t => Math.Max(t.Wall, Math.Max(t.FastTree, t.Linear))).DefaultIfEmpty(1).Max();
        plot.Add.Line(0, 0, top, top).LegendText = "predicted = actual";
        plot.ShowLegend(Alignment.UpperLeft);
        plot.XLabel("actual run time (ms)");
        plot.YLabel("predicted run time (ms)");
        plot.Title($"Held-out predictions of the predictive run ({placed.Count} tasks)");
        plot.SavePng(path, Width, Height);
    }

    private static Bar Bar(double position, double seconds, Color color) =>
        new() { Position = position, Value = seconds, FillColor = color, Label = seconds.ToString("0.0") };
}
