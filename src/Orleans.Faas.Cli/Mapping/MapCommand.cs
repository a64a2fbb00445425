using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Orleans.Faas.Cli.Mapping;

/// <summary><c>faas map NAME -i inputs.txt</c>: the function over every line of a file, many at a time.</summary>
internal static class MapCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The function to map over the inputs" };
        var inputs = new Option<FileInfo>("--inputs", "-i") { Description = "The inputs, one per line", HelpName = "file", Required = true }.AcceptExistingOnly();
        var maxInFlight = CountOption.Create("--max-in-flight", "Invocations running at once", 16);
        var order = new Option<MapOrder>("--order") { Description = "Write results in input order or as they complete [default: input]" }.WithChoices();

        return new Command("map", "Invoke a function once per input line and write one result line each; exit 1 when any failed")
        {
            name, inputs, maxInFlight, order,
        }.Runs(async (cli, ct) =>
        {
            var lines = await File.ReadAllLinesAsync(cli.Get(inputs).FullName, ct);
            var results = cli.Client.Map(cli.Get(name), lines.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l)), cli.Get(maxInFlight), cli.Get(order), cancellationToken: ct);
            var clock = Stopwatch.StartNew();
            // Results on a terminal are progress enough; a bar on the same screen would be drawn over by them.
            var failed = Console.IsOutputRedirected
                ? await cli.Bar($"map {cli.Get(name)}", report => Write(cli, results, lines.Length, report, ct))
                : await Write(cli, results, lines.Length, (_, _) => { }, ct);
            if (failed > 0)
                throw new CliException(ExitCode.FunctionFailed, $"{failed} of {lines.Length} inputs failed ({clock.Elapsed.TotalSeconds:0.0} s)");
            return cli.Note($"{lines.Length} inputs done ({clock.Elapsed.TotalSeconds:0.0} s)");
        });
    }

    /// <summary>Writes each result as it comes and returns how many failed.</summary>
    private static async Task<int> Write(CliSession cli, IAsyncEnumerable<MapResult> results, int total, Action<double, double> report, CancellationToken cancellationToken)
    {
        await using var stdout = Console.OpenStandardOutput();
        var (done, failed) = (0, 0);
        await foreach (var result in results)
        {
            if (cli.Format == OutputFormat.Json)
                await stdout.WriteAsync(AsLine(JsonSerializer.SerializeToUtf8Bytes(MapLine.Of(result), FaasJson.Options)), cancellationToken);
            else if (result.Succeeded)
                await stdout.WriteAsync(AsLine(result.Output), cancellationToken);
            else
                cli.Error.MarkupLineInterpolated($"[red]line {result.Index + 1}:[/] {ErrorReport.Describe(result.Error!)}");
            failed += result.Succeeded ? 0 : 1;
            report(++done, total);
        }
        return failed;
    }

    /// <summary>The output as one line: its own final newline, if it has one, ends it.</summary>
    private static byte[] AsLine(ReadOnlyMemory<byte> output) =>
        output.Span.EndsWith("\n"u8) ? output.ToArray() : [.. output.Span, (byte)'\n'];
}
