using System.Diagnostics;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>SIGTERM, which .NET's Process cannot send: how an operator or systemd asks a server to stop cleanly.</summary>
public static class Signals
{
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]);
        kill.WaitForExit();
        if (kill.ExitCode != 0 && !process.HasExited)
            throw new InvalidOperationException($"kill -TERM {process.Id} failed with exit code {kill.ExitCode}.");
    }
}
