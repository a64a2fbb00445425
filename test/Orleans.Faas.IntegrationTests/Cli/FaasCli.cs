using System.Diagnostics;
using System.Text;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>Runs the built faas tool as its own process, as a person at a shell or a script would.</summary>
public static class FaasCli
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string Dll = Path.Combine(TestEnvironment.RepositoryRoot, "src", "Orleans.Faas.Cli", "bin", TestEnvironment.BuildConfiguration, "net10.0", "faas.dll");

    /// <summary>faas against <paramref name="gateway"/>, with <paramref name="input"/> on its standard input.</summary>
    public static Task<CliRun> Run(Uri gateway, string? input, params string[] args) => Run(["--gateway", gateway.ToString(), .. args], input);

    public static async Task<CliRun> Run(IReadOnlyList<string> args, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Neither the machine's environment nor a config file of its user may choose the gateway.
        start.Environment.Remove("FAAS_GATEWAY");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(TestEnvironment.WorkFolder, "no-faas-config");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(input));
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"faas {string.Join(' ', args)} did not end within {Patience}.");
        }
        await reading;
        return new CliRun(process.ExitCode, output.ToArray(), await errors);
    }
}
