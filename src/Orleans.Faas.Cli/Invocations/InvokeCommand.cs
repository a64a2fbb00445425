using System.Text;
using Orleans.Faas.Cli.Tasks;

namespace Orleans.Faas.Cli.Invocations;

/// <summary><c>faas invoke NAME</c>: standard input (or <c>--data</c>) in, the function's raw output on standard output.</summary>
internal static class InvokeCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The function to invoke" };
        var data = new Option<string?>("--data", "-d") { Description = "The input, instead of standard input" };
        var provider = new Option<string?>("--provider") { Description = "Pin the task to this provider" };
        var inputSize = new Option<long?>("--input-size") { Description = "The size the function's work follows, when it is not the input's byte length" };
        var features = FeaturesOption.Create();
        var deadline = DeadlineOption.Create();
        var start = new Option<bool>("--async") { Description = "Start the invocation and print its task id instead of waiting" };
        var wait = new Option<bool>("--wait") { Description = "With --async: follow the task and print its result" };

        var command = new Command("invoke", "Invoke a function with standard input and write its output to standard output")
        {
            name, data, provider, inputSize, features, deadline, start, wait,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(wait) && !result.GetValue(start))
                result.AddError("--wait follows a task started with --async; without --async, invoke waits anyway.");
        });
        return command.Runs(async (cli, ct) =>
        {
            var options = new InvocationOptions { Provider = cli.Get(provider), InputSize = cli.Get(inputSize), Features = cli.Get(features), Deadline = cli.Get(deadline) };
            await using var input = Input(cli, cli.Get(data));
            if (!cli.Get(start))
            {
                await using var output = await cli.Client.InvokeAsync(cli.Get(name), input, options, ct);
                await CliSession.WriteRaw(output, ct);
                return ExitCode.Ok;
            }

            var operation = await cli.Client.StartInvocationAsync(cli.Get(name), input, options, ct);
            if (!cli.Get(wait))
            {
                Console.Out.WriteLine(operation.Id);
                return ExitCode.Ok;
            }
            cli.Error.WriteLine($"task {operation.Id}");
            TaskOutcome.EnsureCompleted(await TaskOutcome.Finish(cli, operation, ct));
            await using var result = await cli.Client.OpenTaskResultAsync(operation.Id, ct);
            await CliSession.WriteRaw(result, ct);
            return ExitCode.Ok;
        });
    }

    private static Stream Input(CliSession cli, string? data)
    {
        if (data is not null)
            return new MemoryStream(Encoding.UTF8.GetBytes(data));
        if (!Console.IsInputRedirected)
            cli.Error.WriteLine("reading the input from the terminal; end it with Ctrl+D");
        return Console.OpenStandardInput();
    }
}
