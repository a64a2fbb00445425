namespace Orleans.Faas.Cli.Deployment;

/// <summary><c>faas deploy -f functions.yaml</c>: registers a stack file's functions and says what changed.</summary>
internal static class DeployCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The stack file", HelpName = "file", Required = true }.AcceptExistingOnly();
        return new Command("deploy", "Register every function of a stack file; a function whose definition did not change stays as it is") { file }
            .Runs(async (cli, ct) =>
            {
                var outcomes = new List<DeployOutcome>();
                foreach (var definition in StackFile.Read(cli.Get(file).FullName))
                {
                    var outcome = await Deploy(cli, definition, ct);
                    outcomes.Add(outcome);
                    // People see each function as it is done, so a later failure still shows what went before it.
                    if (cli.Format == OutputFormat.Table)
                        cli.Out.WriteLine(outcome.ToString());
                }
                if (cli.Format == OutputFormat.Json)
                    cli.WriteJson(outcomes);
                return ExitCode.Ok;
            });
    }

    private static async Task<DeployOutcome> Deploy(CliSession cli, StackFunction definition, CancellationToken cancellationToken)
    {
        try
        {
            var before = await Latest(cli.Client, definition.Name, cancellationToken);
            return DeployOutcome.Of(before, await Register(cli.Client, definition, cancellationToken));
        }
        catch (FaasRequestException)
        {
            // The gateway's problem names fields, not the function; say which one it was about.
            cli.Error.WriteLine($"{definition.Name}: not deployed");
            throw;
        }
    }

    private static async Task<FunctionRegistration> Register(FaasClient client, StackFunction definition, CancellationToken cancellationToken)
    {
        if (definition.CodeFile is not { } file)
            return await client.RegisterFunctionAsync(definition, cancellationToken);
        if (!File.Exists(file))
            throw CliException.Usage($"{definition.Name}: code file {file} does not exist");
        return await client.RegisterFunctionAsync(definition, Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken), cancellationToken);
    }

    private static async Task<FunctionVersion?> Latest(FaasClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFunctionAsync(name, cancellationToken);
        }
        catch (FaasRequestException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
