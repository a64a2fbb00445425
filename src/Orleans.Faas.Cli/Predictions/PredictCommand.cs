using Orleans.Faas.Cli.Invocations;

namespace Orleans.Faas.Cli.Predictions;

/// <summary><c>faas predict NAME --input-size N [--feature name=value]</c>: where an invocation would finish first, every provider ranked.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The function" };
        var inputSize = new Option<long>("--input-size") { Description = "The invocation's input size", Required = true };
        var features = FeaturesOption.Create();
        return new Command("predict", "Predict where an invocation would finish first: every provider, best first") { name, inputSize, features }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.PredictAsync(cli.Get(name), cli.Get(inputSize), cli.Get(features), ct), Report));
    }

    private static IRenderable Report(PredictionReport report) => new Rows(
        Tables.Details(report),
        Tables.List(
            report.Providers,
            ("PROVIDER", p => p.Provider),
            ("STATUS", p => p.Status),
            ("FITS", p => p.Fits),
            ("MODEL ms", p => p.PredictedRuntimeMs),
            ("CORRECTION", p => p.Correction),
            ("RUN ms", p => p.ExpectedRuntimeMs),
            ("SPREAD ×/÷", p => p.RuntimeSpread),
            ("WAIT ms", p => p.ExpectedWaitMs),
            ("COLD START ms", p => p.ColdStartMs),
            ("FINISH ms", p => p.ExpectedFinishMs),
            ("UNMET", p => p.Unmet)));
}
