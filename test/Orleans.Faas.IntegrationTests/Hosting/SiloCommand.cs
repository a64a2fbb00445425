using System.Diagnostics;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// Runs the silo binary to completion, as an operator would from a shell: with a verb such as <c>migrate</c>, or
/// with none for a start-up that is expected to stop by itself (bad configuration).
/// </summary>
public static class SiloCommand
{
    public static async Task<(int ExitCode, string Output)> Run(string? verb, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(Checkout.Root, "src", "Orleans.Faas.Silo", "bin", Checkout.BuildConfiguration, "net10.0", "Orleans.Faas.Silo.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        if (verb is not null)
            start.ArgumentList.Add(verb);
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await errors);
    }
}
