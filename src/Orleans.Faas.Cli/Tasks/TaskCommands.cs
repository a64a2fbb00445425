namespace Orleans.Faas.Cli.Tasks;

/// <summary><c>faas task list</c>, and <c>faas task get|wait|result|logs|cancel ID</c>: one invocation's task.</summary>
internal static class TaskCommands
{
    public static Command Create()
    {
        var id = new Argument<Guid>("id") { Description = "The task's id" };

        var status = new Option<TaskState?>("--status") { Description = "Only tasks with this status" }.WithChoices();
        var function = new Option<string?>("--function") { Description = "Only this function's tasks" };
        var provider = new Option<string?>("--provider") { Description = "Only tasks on this provider" };
        var limit = CountOption.Create("--limit", "At most this many entries (up to 1000)", 20, "-n");
        var list = new Command("list", "The tasks queued or running on a provider now, then the latest finished ones: one entry per attempt")
            { status, function, provider, limit }
            .Runs(async (cli, ct) => cli.Show(
                await cli.Client.ListTasksAsync(cli.Get(status), cli.Get(function), cli.Get(provider), cli.Get(limit), ct), List));

        var get = new Command("get", "Show a task: status, provider, attempts, placement and cost") { id }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetTaskAsync(cli.Get(id), ct), Tables.Details));

        var wait = new Command("wait", "Wait until a task finishes and show it; exit 1 when it failed") { id }
            .Runs(async (cli, ct) =>
            {
                var task = await TaskOutcome.Finish(cli, cli.Client.GetInvocationOperation(cli.Get(id)), ct);
                cli.Show(task, Tables.Details);
                TaskOutcome.EnsureCompleted(task);
                return ExitCode.Ok;
            });

        var result = new Command("result", "Write a completed task's output to standard output") { id }
            .Runs(async (cli, ct) =>
            {
                await using var output = await cli.Client.OpenTaskResultAsync(cli.Get(id), ct);
                await CliSession.WriteRaw(output, ct);
                return ExitCode.Ok;
            });

        var logs = new Command("logs", "Write a finished task's logs to standard output") { id }
            .Runs(async (cli, ct) =>
            {
                Console.Out.Write(await cli.Client.GetTaskLogsAsync(cli.Get(id), ct));
                return ExitCode.Ok;
            });

        var cancel = new Command("cancel", "Stop a queued or running task; it fails as cancelled") { id }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.CancelTaskAsync(cli.Get(id), ct), Tables.Details));

        return new Command("task", "Tasks of invocations") { list, get, wait, result, logs, cancel };
    }

    private static IRenderable List(IReadOnlyList<TaskListEntry> tasks) => Tables.List(
        tasks,
        ("TASK", t => t.Id),
        ("ATTEMPT", t => t.Attempt),
        ("FUNCTION", t => $"{t.Function} v{t.FunctionVersion}"),
        ("STATUS", t => t.Status),
        ("PROVIDER", t => t.Provider),
        ("SINCE", t => t.Since),
        ("WALL ms", t => t.WallMs),
        ("PREDICTED ms", t => t.PredictedMs),
        ("REASON", t => t.FailureReason));
}
