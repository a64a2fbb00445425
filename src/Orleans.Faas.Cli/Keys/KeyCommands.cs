namespace Orleans.Faas.Cli.Keys;

/// <summary><c>faas keys create|ls|revoke</c>: API keys, for admins.</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "What the key is for, e.g. ci-runner" };
        var role = new Option<ApiKeyRole>("--role") { Description = "What the key may do", Required = true }.WithChoices();
        var namespaces = new Option<string[]>("--namespaces")
        {
            Description = "Where the key may act, its default first [default: default]",
            HelpName = "namespace",
            AllowMultipleArgumentsPerToken = true,
        };
        var rate = new Option<int?>("--rate") { Description = "Requests a second the key may make on each gateway [default: the gateway's]", HelpName = "permits" };
        var burst = new Option<int?>("--burst") { Description = "Requests the key may make at once [default: --rate]", HelpName = "requests" };

        var create = new Command("create", "Create an API key; the key is written to standard output, this once") { name, role, namespaces, rate, burst }
            .Runs(async (cli, ct) =>
            {
                var created = await cli.Client.CreateKeyAsync(new ApiKeyRequest
                {
                    Name = cli.Get(name),
                    Role = cli.Get(role),
                    Namespaces = cli.Get(namespaces) is { Length: > 0 } named ? named : null,
                    RateLimit = cli.Get(rate) is { } permits ? new KeyRateLimit { PermitsPerSecond = permits, Burst = cli.Get(burst) ?? 0 } : null,
                }, ct);
                if (cli.Format == OutputFormat.Json)
                    cli.WriteJson(created);
                else
                    Console.Out.WriteLine(created.Key);
                return cli.Note($"created key {created.Id} ({CliJson.Spell(created.Role)} in {string.Join(", ", created.Namespaces)}); it is not shown again");
            });

        var list = new Command("ls", "List the API keys, without their secrets")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.ListKeysAsync(ct), List));

        var id = new Argument<string>("id") { Description = "The key's id" };
        var revoke = new Command("revoke", "Revoke an API key: every gateway refuses it from the next request on") { id }
            .Runs(async (cli, ct) =>
            {
                await cli.Client.RevokeKeyAsync(cli.Get(id), ct);
                return cli.Note($"revoked {cli.Get(id)}");
            });

        return new Command("keys", "API keys (admin)") { create, list, revoke };
    }

    private static IRenderable List(IReadOnlyList<ApiKey> keys) => Tables.List(
        keys,
        ("ID", k => k.Id),
        ("NAME", k => k.Name),
        ("ROLE", k => k.Role),
        ("NAMESPACES", k => k.Namespaces),
        ("RATE", k => k.RateLimit?.PermitsPerSecond),
        ("CREATED", k => k.CreatedAt));
}
