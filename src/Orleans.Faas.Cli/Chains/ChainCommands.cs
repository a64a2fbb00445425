using System.Text;

namespace Orleans.Faas.Cli.Chains;

/// <summary><c>faas chain define|ls|get|rm|secret|run|run-get</c>: chains of functions and their runs.</summary>
internal static class ChainCommands
{
    /// <summary>How a step on the command line asks to fan out: <c>NAME:lines</c>.</summary>
    private const string LinesSuffix = ":lines";

    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The chain's name" };

        var steps = new Argument<string[]>("steps")
        {
            Description = $"The functions in order; NAME{LinesSuffix} runs that step as a batch over the lines of the previous output",
            Arity = ArgumentArity.OneOrMore,
        };
        var define = new Command("define", "Define a chain, or a new version of it") { name, steps }
            .Runs(async (cli, ct) =>
            {
                var definition = new ChainDefinition { Name = cli.Get(name), Steps = [.. cli.Get(steps).Select(Step)] };
                var registration = await cli.Client.DefineChainAsync(definition, ct);
                cli.Note($"{registration.Chain.Name}: {(registration.Created ? "defined" : "unchanged")} v{registration.Chain.Version}");
                return cli.Show(registration.Chain, Chain);
            });

        var list = new Command("ls", "List every chain with its latest version")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.ListChainsAsync(ct), List));

        var get = new Command("get", "Show a chain's latest version") { name }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetChainAsync(cli.Get(name), ct), Chain));

        var remove = new Command("rm", "Delete a chain and all its versions; runs already started go on") { name }
            .Runs(async (cli, ct) =>
            {
                await cli.Client.DeleteChainAsync(cli.Get(name), ct);
                return cli.Note($"deleted {cli.Get(name)}");
            });

        var secret = new Command("secret", "Write the key a chain's runs' callbacks are signed with (HMAC-SHA256) to standard output") { name }
            .Runs(async (cli, ct) =>
            {
                Console.Out.WriteLine(await cli.Client.GetChainCallbackSecretAsync(cli.Get(name), ct));
                return ExitCode.Ok;
            });

        return new Command("chain", "Chains of functions, each step's output the next one's input")
        {
            define, list, get, remove, secret, RunCommand(name), RunGetCommand(name),
        };
    }

    private static Command RunCommand(Argument<string> name)
    {
        var data = new Option<string?>("--data", "-d") { Description = "The first input, instead of standard input" };
        var wait = new Option<bool>("--wait") { Description = "Follow the run and write its output to standard output; exit 1 when it failed" };
        var callbackUrl = new Option<string?>("--callback-url") { Description = "POST the ended run here, signed with the chain's callback secret" };
        return new Command("run", "Start a run with standard input as the first step's input and print its id") { name, data, wait, callbackUrl }
            .Runs(async (cli, ct) =>
            {
                await using var input = cli.Get(data) is { } text ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : Console.OpenStandardInput();
                var operation = await cli.Client.StartChainRunAsync(cli.Get(name), input, cli.Get(callbackUrl), ct);
                if (!cli.Get(wait))
                {
                    Console.Out.WriteLine(operation.Id);
                    return ExitCode.Ok;
                }
                cli.Error.WriteLine($"run {operation.Id}");
                var run = await cli.Spinner($"waiting for run {operation.Id}", () => operation.WaitForCompletionAsync(ct));
                if (run.Status == ChainRunStatus.Failed)
                    throw new CliException(ExitCode.FunctionFailed, $"run {run.Id} of {run.Chain} failed: {run.Error}");
                await CliSession.WriteRaw(new MemoryStream(run.OutputBytes() ?? []), ct);
                return ExitCode.Ok;
            });
    }

    private static Command RunGetCommand(Argument<string> name)
    {
        var id = new Argument<Guid>("id") { Description = "The run's id" };
        return new Command("run-get", "Show a run: its status, output and every step") { name, id }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetChainRunAsync(cli.Get(name), cli.Get(id), ct), Run));
    }

    private static ChainStep Step(string step) => step.EndsWith(LinesSuffix, StringComparison.Ordinal)
        ? new ChainStep(step[..^LinesSuffix.Length], FanOut.Lines)
        : new ChainStep(step);

    private static IRenderable Run(ChainRun run) => new Rows(
        Tables.Details(run with { OutputBase64 = null }),
        Tables.List(
            run.Steps,
            ("STEP", s => s.Index),
            ("FUNCTION", s => s.Function),
            ("FAN-OUT", s => s.FanOut),
            ("VERSION", s => s.FunctionVersion),
            ("STATUS", s => s.Status),
            ("TASK", s => s.TaskId ?? s.BatchId),
            ("STARTED", s => s.StartedAt),
            ("FINISHED", s => s.FinishedAt),
            ("FAILURE", s => s.Error)));

    private static IRenderable Chain(ChainVersion chain) => new Rows(
        Tables.Details(chain),
        Tables.List(chain.Steps.Select((step, index) => (step, index)), ("STEP", s => s.index), ("FUNCTION", s => s.step.Function), ("FAN-OUT", s => s.step.FanOut)));

    private static IRenderable List(IReadOnlyList<ChainVersion> chains) => Tables.List(
        chains,
        ("NAME", c => c.Name),
        ("VERSION", c => c.Version),
        ("STEPS", c => string.Join(" → ", c.Steps.Select(s => s.FanOut is null ? s.Function : s.Function + LinesSuffix))),
        ("DEFINED", c => c.DefinedAt));
}
