using System.Diagnostics;
using System.Text;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>Runs a program as its own process, as a person at a shell or a script would.</summary>
public static class Programs
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="program"/> with <paramref name="input"/> on its standard input; <paramref name="environment"/> adjusts what it inherits.</summary>
    /// <param name="workingDirectory">Where it runs; the test host's own folder when null.</param>
    /// <param name="patience">How long it may take before it is killed; a minute when null.</param>
    public static async Task<ProgramRun> Run(
        string program, IReadOnlyList<string> args, string? input = null, Action<IDictionary<string, string?>>? environment = null,
        string? workingDirectory = null, TimeSpan? patience = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        environment?.Invoke(start.Environment);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(input));
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().WaitAsync(patience ?? Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', args)} did not end within {patience ?? Patience}.");
        }
        await reading;
        return new ProgramRun(process.ExitCode, output.ToArray(), await errors);
    }
}
