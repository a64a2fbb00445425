using Orleans.Faas.Cli.Configuration;

namespace Orleans.Faas.Cli.Keys;

/// <summary><c>faas login|logout|whoami</c>: the API key faas sends, kept in the config file.</summary>
internal static class LoginCommands
{
    public static Command Login()
    {
        var key = new Option<string?>("--key")
        {
            Description = "The API key; without it, read from standard input when that is not a terminal, else asked for",
            HelpName = "key",
        };
        return new Command("login", $"Check an API key against the gateway and keep it, with the gateway's address, in {ConfigFile.Location} (mode 0600)") { key }
            .Runs(async (cli, ct) =>
            {
                var given = cli.Get(key) ?? await Read(cli, ct);
                var caller = await cli.ClientWith(given).GetCallerAsync(ct);
                (ConfigFile.Load() with { Gateway = cli.Gateway.ToString(), ApiKey = given }).Save();
                return cli.Note($"logged in to {cli.Gateway} as {Describe(caller)}");
            });
    }

    public static Command Logout() =>
        new Command("logout", $"Forget the API key kept in {ConfigFile.Location}")
            .Runs((cli, _) =>
            {
                if (File.Exists(ConfigFile.Location))
                    (ConfigFile.Load() with { ApiKey = null }).Save();
                return Task.FromResult(cli.Note("logged out"));
            });

    public static Command WhoAmI() =>
        new Command("whoami", "Show who the gateway takes you for: your key's id, role and namespaces, and the namespace you act in")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetCallerAsync(ct), Tables.Details));

    private static string Describe(CallerInfo caller) =>
        $"{caller.KeyId ?? "anyone (the gateway is open)"}: {CliJson.Spell(caller.Role)} in {string.Join(", ", caller.Namespaces)}";

    private static async Task<string> Read(CliSession cli, CancellationToken ct)
    {
        var key = Console.IsInputRedirected
            ? await Console.In.ReadLineAsync(ct)
            : await cli.Error.PromptAsync(new TextPrompt<string>("API key:").Secret(), ct);
        return string.IsNullOrWhiteSpace(key) ? throw CliException.Usage("no API key was given") : key.Trim();
    }
}
