using System.Text;
using System.Text.Json;
using Orleans.Faas.Cli.Invocations;

namespace Orleans.Faas.Cli.Batches;

/// <summary><c>faas batch start|get|results</c>: many invocations of one function in one request.</summary>
internal static class BatchCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The function to invoke once per input" };
        var inputs = new Option<FileInfo>("--inputs", "-i") { Description = "The inputs, one per line", HelpName = "file", Required = true }.AcceptExistingOnly();
        var provider = new Option<string?>("--provider") { Description = "Pin every task to this provider" };
        var inputSize = new Option<long?>("--input-size") { Description = "The size every task's work follows, when it is not the input's byte length" };
        var features = FeaturesOption.Create();
        var deadline = DeadlineOption.Create();
        var callbackUrl = new Option<string?>("--callback-url") { Description = "POST the finished batch here, signed with the function's callback secret" };
        var wait = new Option<bool>("--wait") { Description = "Wait for every task and write one result line per input, in input order" };
        var id = new Argument<Guid>("id") { Description = "The batch's id" };

        var start = new Command("start", "Invoke a function once per input line in one request; prints the batch id, or with --wait the results")
        {
            name, inputs, provider, inputSize, features, deadline, callbackUrl, wait,
        }.Runs(async (cli, ct) =>
        {
            var lines = await File.ReadAllLinesAsync(cli.Get(inputs).FullName, ct);
            var options = new InvocationOptions { Provider = cli.Get(provider), InputSize = cli.Get(inputSize), Features = cli.Get(features), Deadline = cli.Get(deadline),
                CallbackUrl = cli.Get(callbackUrl) };
            var batch = await cli.Client.StartBatchAsync(cli.Get(name), lines, options, ct);
            if (!cli.Get(wait))
            {
                Console.Out.WriteLine(batch.Id);
                return ExitCode.Ok;
            }
            cli.Error.WriteLine($"batch {batch.Id}");
            await cli.Bar($"batch {cli.Get(name)}", report => batch.WaitForCompletionAsync(
                new Progress<FaasBatch>(b => report(b.Counts.Completed + b.Counts.Failed, b.Total)), ct));
            return await WriteResults(cli, batch, ct);
        });

        var get = new Command("get", "Show a batch: its tasks by status, and whether all finished") { id }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetBatchAsync(cli.Get(id), ct), Tables.Details));

        var results = new Command("results", "Write one line per input of a batch, in input order: the output, or the failure on standard error; exit 1 when any failed") { id }
            .Runs((cli, ct) => WriteResults(cli, cli.Client.GetBatchOperation(cli.Get(id)), ct));

        return new Command("batch", "Batches: one task per input, in one request") { start, get, results };
    }

    private static async Task<ExitCode> WriteResults(CliSession cli, BatchOperation batch, CancellationToken cancellationToken)
    {
        await using var stdout = Console.OpenStandardOutput();
        var (total, failed, unfinished) = (0, 0, 0);
        await foreach (var item in batch.GetItemsAsync(cancellationToken: cancellationToken))
        {
            total++;
            if (cli.Format == OutputFormat.Json)
                await stdout.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(item, CliJson.Options) + "\n"), cancellationToken);
            else if (item.Status == TaskState.Completed)
                await stdout.WriteAsync(AsLine(item.OutputBytes()!), cancellationToken);
            else if (item.Status == TaskState.Failed)
                cli.Error.MarkupLineInterpolated($"[red]line {item.Index + 1}:[/] {item.FailureReason}{(item.Error is { Length: > 0 } e ? $" ({e})" : "")}");
            else
                cli.Error.MarkupLineInterpolated($"[yellow]line {item.Index + 1}:[/] {CliJson.Spell(item.Status)}");
            failed += item.Status == TaskState.Failed ? 1 : 0;
            unfinished += item.Status is TaskState.Queued or TaskState.Running ? 1 : 0;
        }
        if (failed > 0)
            throw new CliException(ExitCode.FunctionFailed, $"{failed} of {total} inputs failed");
        return cli.Note(unfinished > 0 ? $"{unfinished} of {total} inputs have not finished" : $"{total} inputs done");
    }

    /// <summary>The output as one line: its own final newline, if it has one, ends it.</summary>
    private static byte[] AsLine(byte[] output) => output.AsSpan().EndsWith("\n"u8) ? output : [.. output, (byte)'\n'];
}
