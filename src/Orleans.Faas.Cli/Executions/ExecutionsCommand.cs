namespace Orleans.Faas.Cli.Executions;

/// <summary><c>faas executions</c>: the execution history, newest first, read page by page up to a limit.</summary>
internal static class ExecutionsCommand
{
    /// <summary>The most records one page of the history holds.</summary>
    private const int MaxPage = 1000;

    public static Command Create()
    {
        var function = new Option<string?>("--function") { Description = "Only this function's executions" };
        var provider = new Option<string?>("--provider") { Description = "Only executions on this provider" };
        var limit = CountOption.Create("--limit", "Stop after this many records", 20, "-n");

        return new Command("executions", "The execution history, newest first: one record per finished attempt") { function, provider, limit }
            .Runs(async (cli, ct) =>
            {
                var records = await cli.Client.GetExecutionsAsync(cli.Get(function), cli.Get(provider), Math.Min(cli.Get(limit), MaxPage), ct)
                    .Take(cli.Get(limit))
                    .ToListAsync(ct);
                return cli.Show(records, List);
            });
    }

    private static IRenderable List(IReadOnlyList<ExecutionRecord> records) => Tables.List(
        records,
        ("FINISHED", r => r.FinishedAt),
        ("TASK", r => r.TaskId),
        ("ATTEMPT", r => r.Attempt),
        ("FUNCTION", r => $"{r.Function} v{r.FunctionVersion}"),
        ("PROVIDER", r => r.Provider),
        ("STATUS", r => r.Status),
        ("EXIT", r => r.ExitCode),
        ("WALL ms", r => r.WallMs),
        ("PREDICTED ms", r => r.PredictedMs),
        ("INPUT SIZE", r => r.InputSize),
        ("COLD", r => r.Cold));
}
