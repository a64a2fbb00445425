namespace Orleans.Faas.Cli.DeadLetters;

/// <summary><c>faas dead-letters list|show|replay|delete FUNCTION</c>: tasks that ended FAILED after their function's retry policy.</summary>
internal static class DeadLetterCommands
{
    /// <summary>The most letters one page of the list holds.</summary>
    private const int MaxPage = 1000;

    public static Command Create()
    {
        var function = new Argument<string>("function") { Description = "The function's name" };
        var id = new Argument<Guid>("id") { Description = "The dead letter's id (its task's)" };

        var limit = CountOption.Create("--limit", "Stop after this many letters", 20, "-n");
        var list = new Command("list", "A function's dead letters, newest first, with why each failed") { function, limit }
            .Runs(async (cli, ct) =>
            {
                var letters = await cli.Client.GetDeadLettersAsync(cli.Get(function), Math.Min(cli.Get(limit), MaxPage), ct)
                    .Take(cli.Get(limit))
                    .ToListAsync(ct);
                return cli.Show(letters, l => Tables.List(
                    l, ("FAILED", d => d.FailedAt), ("ID", d => d.Id), ("VERSION", d => d.FunctionVersion), ("RUNS", d => d.Runs.Count),
                    ("REASON", d => d.FailureReason), ("INPUT BYTES", d => d.InputBytes)));
            });

        var show = new Command("show", "A dead letter with its input (base64) and every run's reason") { function, id }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetDeadLetterAsync(cli.Get(function), cli.Get(id), ct), letter => new Rows(
                Tables.Details(letter with { Runs = [] }),
                Tables.List(letter.Runs, ("ATTEMPT", r => r.Attempt), ("PROVIDER", r => r.Provider), ("STARTED", r => r.StartedAt), ("FINISHED", r => r.FinishedAt),
                    ("STATUS", r => r.Status), ("EXIT", r => r.ExitCode), ("REASON", r => r.FailureReason), ("RETRY AT", r => r.RetryAt), ("ERROR", r => r.Error)))));

        var optionalId = new Argument<Guid?>("id") { Description = "The dead letter's id; without it, --all", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter of the function" };
        var replay = new Command("replay", "Run dead letters' input again as new tasks of the function's latest version, and remove them") { function, optionalId, all }
            .Runs(async (cli, ct) =>
            {
                var replays = (cli.Get(optionalId), cli.Get(all)) switch
                {
                    ({ } one, false) => [await cli.Client.ReplayDeadLetterAsync(cli.Get(function), one, ct)],
                    (null, true) => await cli.Client.ReplayDeadLettersAsync(cli.Get(function), ct),
                    _ => throw CliException.Usage("Give one dead letter's id, or --all."),
                };
                return cli.Show(replays, r => Tables.List(r, ("DEAD LETTER", d => d.DeadLetterId), ("TASK", d => d.TaskId)));
            });

        var delete = new Command("delete", "Delete a dead letter without replaying it") { function, id }
            .Runs(async (cli, ct) =>
            {
                await cli.Client.DeleteDeadLetterAsync(cli.Get(function), cli.Get(id), ct);
                return cli.Note($"deleted {cli.Get(id)}");
            });

        return new Command("dead-letters", "Tasks that ended FAILED after their function's retry policy, kept with their input") { list, show, replay, delete };
    }
}
