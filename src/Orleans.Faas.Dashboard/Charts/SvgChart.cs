using System.Text;
using Orleans.Faas.Client;
using ScottPlot;

namespace Orleans.Faas.Dashboard.Charts;

/// <summary>
/// The dashboard's charts, drawn by ScottPlot as SVG on the server and shown as images: names in an image stay
/// pixels, never markup of the page.
/// </summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int Height = 340;

    /// <summary>Wall time against input size: each profiled or observed size (median, with its quartiles) and the line placement interpolates along.</summary>
    public static string Profile(FunctionProfile profile)
    {
        var plot = new Plot();
        var points = profile.Points.OrderBy(p => p.InputSize).ToList();
        double[] sizes = [.. points.Select(p => (double)p.InputSize)];
        double[] medians = [.. points.Select(p => p.Stats.WallMs)];
        var line = plot.Add.Scatter(sizes, medians);
        line.LegendText = "interpolated";
        line.MarkerSize = 0;
        foreach (var source in Enum.GetValues<ProfileSource>())
        {
            var of = points.Where(p => p.Source == source).ToList();
            if (of.Count == 0)
                continue;
            double[] x = [.. of.Select(p => (double)p.InputSize)];
            double[] y = [.. of.Select(p => p.Stats.WallMs)];
            var measured = plot.Add.ScatterPoints(x, y);
            measured.LegendText = source == ProfileSource.Profiled ? "profiled" : "observed";
            measured.MarkerSize = 9;
            foreach (var p in of)
                plot.Add.Line(p.InputSize, p.Stats.WallQ1Ms, p.InputSize, p.Stats.WallQ3Ms).Color = measured.Color;
        }
        plot.XLabel("input size");
        plot.YLabel("wall time (ms)");
        plot.ShowLegend();
        return DataUri(plot);
    }

    /// <summary>What placement predicted for each run against what it took, with the line where they agree.</summary>
    public static string PredictedVsActual(IReadOnlyList<ExecutionRecord> executions)
    {
        var plot = new Plot();
        var predicted = executions.Where(e => e.PredictedMs is not null).ToList();
        if (predicted.Count > 0)
        {
            double[] x = [.. predicted.Select(e => e.PredictedMs!.Value)];
            double[] y = [.. predicted.Select(e => e.WallMs)];
            plot.Add.ScatterPoints(x, y).LegendText = "runs";
            var top = predicted.Max(e => Math.Max(e.PredictedMs!.Value, e.WallMs));
            var agree = plot.Add.Line(0, 0, top, top);
            agree.LegendText = "predicted = actual";
            agree.LinePattern = LinePattern.Dashed;
        }
        plot.XLabel("predicted run time (ms)");
        plot.YLabel("actual run time (ms)");
        plot.ShowLegend();
        return DataUri(plot);
    }

    /// <summary>The current model's recent error (MAPE) for each function on each provider, as a heat map.</summary>
    public static string LiveErrors(IReadOnlyList<LiveError> errors)
    {
        var plot = new Plot();
        string[] functions = [.. errors.Select(e => e.Function).Distinct().Order()];
        string[] providers = [.. errors.Select(e => e.Provider).Distinct().Order()];
        if (functions.Length > 0)
        {
            var cells = new double[functions.Length, providers.Length];
            for (var row = 0; row < functions.Length; row++)
                for (var column = 0; column < providers.Length; column++)
                    cells[row, column] = errors.FirstOrDefault(e => e.Function == functions[row] && e.Provider == providers[column])?.Mape * 100 ?? double.NaN;
            var heatmap = plot.Add.Heatmap(cells);
            heatmap.FlipVertically = true;
            plot.Add.ColorBar(heatmap).Label = "error (MAPE, %)";
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, providers.Length).Select(i => (double)i)], providers);
            plot.Axes.Left.SetTicks([.. Enumerable.Range(0, functions.Length).Select(i => (double)i)], functions);
        }
        plot.XLabel("provider");
        plot.YLabel("function");
        return DataUri(plot);
    }

    private static string DataUri(Plot plot) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height)));
}
