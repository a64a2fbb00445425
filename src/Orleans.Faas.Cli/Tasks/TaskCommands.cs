namespace Orleans.Faas.Cli.Tasks;

/// <summary><c>faas task get|wait|result|logs|cancel ID</c>: one invocation's task.</summary>
internal static class TaskCommands
{
    public static Command Create()
    {
        var id = new Argument<Guid>("id") { Description = "The task's id" };

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

        return new Command("task", "Tasks of invocations") { get, wait, result, logs, cancel };
    }
}
