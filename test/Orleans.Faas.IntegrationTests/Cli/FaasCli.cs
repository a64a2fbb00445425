using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>Runs the built faas tool as its own process, as a person at a shell or a script would.</summary>
public static class FaasCli
{
    private static readonly string Dll = Programs.Built(Path.Combine("src", "Orleans.Faas.Cli"), "faas");

    /// <summary>faas against <paramref name="gateway"/>, with <paramref name="input"/> on its standard input.</summary>
    public static Task<ProgramRun> Run(Uri gateway, string? input, params string[] args) => Run(["--gateway", gateway.ToString(), .. args], input);

    public static Task<ProgramRun> Run(IReadOnlyList<string> args, string? input = null) =>
        Programs.Run("dotnet", [Dll, .. args], input, environment =>
        {
            // Neither the machine's environment nor a config file of its user may choose the gateway.
            environment.Remove("FAAS_GATEWAY");
            environment["XDG_CONFIG_HOME"] = Path.Combine(TestEnvironment.WorkFolder, "no-faas-config");
        });
}
