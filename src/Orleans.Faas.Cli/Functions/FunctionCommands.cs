namespace Orleans.Faas.Cli.Functions;

/// <summary><c>faas fn ls|get|versions|rm|secret</c>: the registered functions.</summary>
internal static class FunctionCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The function's name" };

        var list = new Command("ls", "List every function with its latest version")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.ListFunctionsAsync(ct), List));

        var get = new Command("get", "Show a function's latest version") { name }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetFunctionAsync(cli.Get(name), ct), Tables.Details));

        var versions = new Command("versions", "List the versions a function keeps, newest first") { name }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.ListFunctionVersionsAsync(cli.Get(name), ct), List));

        var remove = new Command("rm", "Delete a function and all its versions") { name }
            .Runs(async (cli, ct) =>
            {
                await cli.Client.DeleteFunctionAsync(cli.Get(name), ct);
                return cli.Note($"deleted {cli.Get(name)}");
            });

        var secret = new Command("secret", "Write the key a function's callbacks are signed with (HMAC-SHA256) to standard output") { name }
            .Runs(async (cli, ct) =>
            {
                Console.Out.WriteLine(await cli.Client.GetCallbackSecretAsync(cli.Get(name), ct));
                return ExitCode.Ok;
            });

        return new Command("fn", "Registered functions") { list, get, versions, remove, secret };
    }

    private static IRenderable List(IReadOnlyList<FunctionVersion> functions) => Tables.List(
        functions,
        ("NAME", f => f.Name),
        ("VERSION", f => f.Version),
        ("RUNTIME", f => f.Runtime),
        ("IMAGE", f => f.Image),
        ("COMMAND", f => f.Command),
        ("CPU", f => f.Cpu),
        ("MEMORY MiB", f => f.MemoryMiB),
        ("REGISTERED", f => f.RegisteredAt));
}
