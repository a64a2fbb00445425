using System.ComponentModel;
using System.Diagnostics;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>Runs one of the node's own tools (coreutils' <c>id</c>, say) to its end and says what it printed.</summary>
internal static class HostTool
{
    /// <exception cref="InvalidOperationException">The tool is missing or ended with a non-zero exit; the message has its stderr.</exception>
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var tool = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            var output = tool.StandardOutput.ReadToEndAsync();
            var errors = await tool.StandardError.ReadToEndAsync();
            await tool.WaitForExitAsync();
            return tool.ExitCode == 0
                ? (await output).Trim()
                : throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({tool.ExitCode}): {errors.Trim()}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} could not be started: {e.Message}", e);
        }
    }
}
