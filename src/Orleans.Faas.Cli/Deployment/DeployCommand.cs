namespace Orleans.Faas.Cli.Deployment;

/// <summary><c>faas deploy -f functions.yaml</c>: registers a stack file's functions, then its triggers, and says what changed.</summary>
internal static class DeployCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The stack file", HelpName = "file", Required = true }.AcceptExistingOnly();
        return new Command("deploy", "Register every function of a stack file, then create or replace its triggers; what did not change stays as it is") { file }
            .Runs(async (cli, ct) =>
            {
                var (functions, triggers) = StackFile.Read(cli.Get(file).FullName);
                // The functions first: a trigger names one, which must exist.
                var outcomes = new List<object>();
                foreach (var definition in functions)
                    outcomes.Add(Said(cli, await Deploy(cli, definition, ct)));
                foreach (var definition in triggers)
                    outcomes.Add(Said(cli, await Deploy(cli, definition, ct)));
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

    /// <summary>People see each function and trigger as it is done, so a later failure still shows what went before it.</summary>
    private static object Said(CliSession cli, object outcome)
    {
        if (cli.Format == OutputFormat.Table)
            cli.Out.WriteLine($"{outcome}");
        return outcome;
    }

    private static async Task<TriggerDeployOutcome> Deploy(CliSession cli, StackTrigger definition, CancellationToken cancellationToken)
    {
        try
        {
            var before = await Existing(() => cli.Client.GetTriggerAsync(definition.Name, cancellationToken));
            return TriggerDeployOutcome.Of(before, await cli.Client.CreateTriggerAsync(definition, cancellationToken));
        }
        catch (FaasRequestException)
        {
            cli.Error.WriteLine($"trigger {definition.Name}: not deployed");
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

    private static Task<FunctionVersion?> Latest(FaasClient client, string name, CancellationToken cancellationToken) =>
        Existing(() => client.GetFunctionAsync(name, cancellationToken));

    /// <summary>What <paramref name="read"/> reads; null when the gateway says there is none.</summary>
    private static async Task<T?> Existing<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (FaasRequestException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
