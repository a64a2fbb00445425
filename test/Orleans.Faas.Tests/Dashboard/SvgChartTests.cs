using System.Text;
using System.Xml.Linq;
using Orleans.Faas.Client;
using Orleans.Faas.Dashboard.Charts;

namespace Orleans.Faas.Tests.Dashboard;

/// <summary>Each chart of the dashboard is an SVG image, well-formed whatever names it carries, with or without data.</summary>
public sealed class SvgChartTests
{
    private const string Markup = "<script>alert(1)</script>&";

    [Fact]
    public void The_profile_chart_draws_each_source_of_points()
    {
        var svg = Svg(SvgChart.Profile(new FunctionProfile
        {
            Function = Markup,
            Points = [Point(10, 5, ProfileSource.Profiled), Point(1000, 50, ProfileSource.Observed), Point(100_000, 900, ProfileSource.Profiled)],
        }));

        Assert.Contains("profiled", svg.ToString());
        Assert.Contains("observed", svg.ToString());
    }

    [Fact]
    public void The_predicted_against_actual_chart_draws_with_and_without_predictions()
    {
        Svg(SvgChart.PredictedVsActual([Run(predicted: 12, actual: 15), Run(predicted: null, actual: 3)]));
        Svg(SvgChart.PredictedVsActual([]));
    }

    [Fact]
    public void The_live_error_heat_map_names_functions_and_providers_as_text_of_the_image()
    {
        var svg = Svg(SvgChart.LiveErrors(
        [
            new LiveError { Function = Markup, Provider = "node-a", Mape = 0.12, Samples = 9 },
            new LiveError { Function = "resize", Provider = "node-b", Mape = 0.4, Samples = 3 },
        ]));

        Assert.Contains(svg.Descendants(), element => element.Name.LocalName == "text" && element.Value.Contains(Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(svg.Descendants(), element => element.Name.LocalName == "script");
    }

    /// <summary>The image a data URI holds, parsed: it throws unless the SVG is well-formed.</summary>
    private static XDocument Svg(string dataUri)
    {
        const string Prefix = "data:image/svg+xml;base64,";
        Assert.StartsWith(Prefix, dataUri);
        return XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(dataUri[Prefix.Length..])));
    }

    private static ProfilePoint Point(long size, double ms, ProfileSource source) =>
        new() { InputSize = size, Source = source, Stats = new RunStatistics { WallMs = ms, WallQ1Ms = ms * 0.9, WallQ3Ms = ms * 1.1, Samples = 3 } };

    private static ExecutionRecord Run(double? predicted, double actual) => new() { PredictedMs = predicted, WallMs = actual };
}
