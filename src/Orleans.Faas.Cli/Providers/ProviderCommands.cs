namespace Orleans.Faas.Cli.Providers;

/// <summary><c>faas providers ls|get|drain|undrain|reference</c>: the nodes that run functions.</summary>
internal static class ProviderCommands
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The provider's id (its node name)" };

        var list = new Command("ls", "List every provider with its status, load and scores")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.ListProvidersAsync(ct), List));

        return new Command("providers", "The nodes that run functions")
        {
            list,
            Verb("get", "Show a provider: its facts, runtimes, load, status, scores and benchmark", id, (client, provider, ct) => client.GetProviderAsync(provider, ct)),
            Verb("drain", "Stop placing new tasks on a provider; what it has still finishes", id, (client, provider, ct) => client.DrainProviderAsync(provider, ct)),
            Verb("undrain", "Place new tasks on a drained provider again", id, (client, provider, ct) => client.UndrainProviderAsync(provider, ct)),
            Verb("reference", "Make a provider the reference every score is relative to", id, (client, provider, ct) => client.SetReferenceProviderAsync(provider, ct)),
        };
    }

    private static Command Verb(string name, string description, Argument<string> id, Func<FaasClient, string, CancellationToken, Task<Provider>> call) =>
        new Command(name, description) { id }.Runs(async (cli, ct) => cli.Show(await call(cli.Client, cli.Get(id), ct), Tables.Details));

    private static IRenderable List(IReadOnlyList<Provider> providers) => Tables.List(
        providers,
        ("ID", p => p.Id),
        ("STATUS", p => p.Status),
        ("REFERENCE", p => p.IsReference),
        ("RUNTIMES", p => p.Runtimes),
        ("DEVICE", p => $"{p.Facts.DeviceClass}: {p.Facts.DeviceModel}"),
        ("CORES", p => p.Facts.Cores),
        ("MEMORY MiB", p => p.Facts.MemoryBytes / (1024 * 1024)),
        ("RUNNING", p => p.Running),
        ("QUEUED", p => p.Queued),
        ("SLOTS", p => p.Slots),
        ("IDLE WARM", p => p.IdleWarm),
        ("CPU EFF", p => p.Scores?.CpuEfficiency),
        ("MEM EFF", p => p.Scores?.MemoryEfficiency),
        ("LABELS", p => p.Facts.Labels));
}
