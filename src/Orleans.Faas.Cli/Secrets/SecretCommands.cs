namespace Orleans.Faas.Cli.Secrets;

/// <summary><c>faas secret set|ls|rm</c>: write-only secrets that functions get as files at /run/secrets/NAME.</summary>
internal static class SecretCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The secret's name" };

        // The value never comes from an argument, so it stays out of shell history and the process list.
        var fromFile = new Option<FileInfo>("--from-file") { Description = "Read the value from this file instead of standard input", HelpName = "file" }
            .AcceptExistingOnly();
        var set = new Command("set", "Create or replace a secret with the bytes of standard input (or --from-file), exactly as given") { name, fromFile }
            .Runs(async (cli, ct) =>
            {
                var value = await ReadValue(cli.Get(fromFile), ct);
                var created = await cli.Client.SetSecretAsync(cli.Get(name), value, ct);
                return cli.Note($"{cli.Get(name)}: {(created ? "created" : "replaced")}");
            });

        var list = new Command("ls", "List secrets by name with when each was created and last replaced; values are never shown")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.ListSecretsAsync(ct), secrets => Tables.List(
                secrets, ("NAME", s => s.Name), ("CREATED", s => s.CreatedAt), ("UPDATED", s => s.UpdatedAt))));

        var remove = new Command("rm", "Delete a secret; functions that name it fail their next run") { name }
            .Runs(async (cli, ct) =>
            {
                await cli.Client.DeleteSecretAsync(cli.Get(name), ct);
                return cli.Note($"deleted {cli.Get(name)}");
            });

        return new Command("secret", "Secrets mounted into functions' containers at /run/secrets/NAME") { set, list, remove };
    }

    private static async Task<byte[]> ReadValue(FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is not null)
            return await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        if (!Console.IsInputRedirected)
            throw CliException.Usage("Pipe the secret's value in (e.g. faas secret set NAME < file) or give --from-file.");
        await using var input = Console.OpenStandardInput();
        using var value = new MemoryStream();
        await input.CopyToAsync(value, cancellationToken);
        return value.ToArray();
    }
}
