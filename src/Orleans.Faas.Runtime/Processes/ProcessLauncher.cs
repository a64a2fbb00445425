using System.ComponentModel;
using System.Diagnostics;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>Starts a function's command as a child process with its three standard streams redirected to us.</summary>
internal static class ProcessLauncher
{
    public static Process Start(FunctionDefinition function)
    {
        if (function.Command.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(function.Command[0]))
            throw new FunctionStartException($"Function '{function.Name}' has no command to run.");

        var start = new ProcessStartInfo(function.Command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in function.Command.AsSpan()[1..])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in function.Env)
            start.Environment[name] = value;

        try
        {
            return Process.Start(start)
                ?? throw new FunctionStartException($"Program '{function.Command[0]}' of function '{function.Name}' did not start.");
        }
        catch (Win32Exception e)
        {
            throw new FunctionStartException($"Program '{function.Command[0]}' of function '{function.Name}' could not be started: {e.Message}", e);
        }
    }
}
