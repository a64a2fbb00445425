using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>Runs the built faas tool as its own process, as a person at a shell or a script would.</summary>
public static class FaasCli
{
    private static readonly string Dll = Checkout.Built(Path.Combine("src", "Orleans.Faas.Cli"), "faas");

    /// <summary>faas against <paramref name="gateway"/>, with <paramref name="input"/> on its standard input.</summary>
    public static Task<ProgramRun> Run(Uri gateway, string? input, params string[] args) => Run(["--gateway", gateway.ToString(), .. args], input);

    /// <param name="settings">Environment variables for this run, over the isolated defaults (e.g. its own XDG_CONFIG_HOME or FAAS_API_KEY).</param>
    public static Task<ProgramRun> Run(IReadOnlyList<string> args, string? input = null, IReadOnlyDictionary<string, string>? settings = null) =>
        Programs.Run("dotnet", [Dll, .. args], input, environment =>
        {
            // Neither the machine's environment nor a config file of its user may choose the gateway, the key or the namespace.
            environment.Remove("FAAS_GATEWAY");
            environment.Remove("FAAS_API_KEY");
            environment.Remove("FAAS_NAMESPACE");
            environment["XDG_CONFIG_HOME"] = Path.Combine(TestEnvironment.WorkFolder, "no-faas-config");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                environment[key] = value;
        });
}
