namespace Orleans.Faas.Cli.RuntimeModels;

/// <summary><c>faas models ls|train</c>: the runtime models that predict run times.</summary>
internal static class ModelCommands
{
    public static Command Create()
    {
        var limit = CountOption.Create("--limit", "Show this many recent versions", 20, "-n");
        var list = new Command("ls", "Show the current model, recent versions with their errors, training and live error") { limit }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetModelsAsync(cli.Get(limit), ct), Overview));

        var train = new Command("train", "Train a new model from the execution history now; it is promoted only when it cross-validates better")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.StartTrainingAsync(ct), Tables.Details));

        return new Command("models", "Runtime models") { list, train };
    }

    private static IRenderable Overview(ModelsOverview models) => new Rows(
        Tables.Details(models),
        Tables.List(
            models.Versions,
            ("VERSION", v => v.Version),
            ("KIND", v => v.Kind),
            ("TRAINED", v => v.TrainedAt),
            ("ROWS", v => v.TrainingRows),
            ("MAPE", v => v.Metrics.Mape),
            ("LINEAR MAPE", v => v.Linear.Mape),
            ("INCUMBENT MAPE", v => v.Incumbent?.Mape),
            ("R²", v => v.Metrics.R2),
            ("PROMOTED", v => v.Promoted)),
        Tables.List(
            models.LiveErrors,
            ("FUNCTION", e => e.Function),
            ("PROVIDER", e => e.Provider),
            ("LIVE MAPE", e => e.Mape),
            ("SAMPLES", e => e.Samples)));
}
