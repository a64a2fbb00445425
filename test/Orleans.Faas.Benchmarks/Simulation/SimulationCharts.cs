using ScottPlot;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>The simulator's charts, as PNG files: per cluster size, each placement's mean and p99 completion in every scenario.</summary>
public static class SimulationCharts
{
    private const int Width = 1400;
    private const int Height = 600;

    public static void Completion(IReadOnlyList<SimulationScenario> scenarios, bool p99, string path)
    {
        var plot = new Plot();
        var placements = SimulatedPlacement.All;
        var bars = new List<Bar>();
        var group = placements.Count + 1;
        for (var s = 0; s < scenarios.Count; s++)
        {
            for (var p = 0; p < placements.Count; p++)
            {
                var completion = scenarios[s].Of(placements[p]).Completion;
                var seconds = (p99 ? completion.Percentile(99) : completion.Mean) / 1000;
                bars.Add(new Bar { Position = group * s + p, Value = seconds, FillColor = plot.Add.Palette.GetColor(p) });
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. scenarios.Select((_, s) => group * s + (placements.Count - 1) / 2.0)],
            [.. scenarios.Select(s => $"{s.Pattern.ToString().ToLowerInvariant()} {s.Load * 100:0}%")]);
        plot.Axes.Margins(bottom: 0);
        for (var p = 0; p < placements.Count; p++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = placements[p].Label, FillColor = plot.Add.Palette.GetColor(p) });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.YLabel($"{(p99 ? "p99" : "mean")} completion time (s)");
        plot.Title($"Simulated, {scenarios[0].Providers:N0} providers of mixed classes: {(p99 ? "p99" : "mean")} completion per placement");
        plot.SavePng(path, Width, Height);
    }
}
