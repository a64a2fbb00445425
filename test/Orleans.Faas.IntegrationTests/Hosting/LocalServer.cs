using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// A server program a test starts on a private loopback port, with what it writes to standard output and error kept
/// in a file: started and waited for until it answers (failing at once if it exits), stopped the way an operator stops
/// it (SIGTERM) and started again, and killed on dispose.
/// </summary>
/// <param name="program">A Debian package's program, named for the error that says to install it.</param>
/// <param name="ready">Whether the server answers yet; it may throw nothing but <see cref="SocketException"/> or <see cref="HttpRequestException"/> while it does not.</param>
public sealed class LocalServer(string program, IReadOnlyList<string> arguments, string outputPath, Func<Task<bool>> ready) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private Process? _process;

    /// <summary>Whether something accepts a TCP connection on the port: the readiness of a server without a cheaper probe.</summary>
    public static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        return true;
    }

    public async Task Start()
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed (scripts/test.sh installs it).", e);
        }
        _process.LogInto(outputPath);
        var process = _process;
        await Poll.UntilAsync(
            async () => process.HasExited ? throw new InvalidOperationException($"{program} exited; see {outputPath}.") : await Answers(),
            Patience, $"{program} to answer (see {outputPath})");
    }

    /// <summary>Stops the server the way an operator would (SIGTERM: it saves what it holds) and waits until it has.</summary>
    public async Task Stop()
    {
        if (_process is null)
            return;
        Signals.Terminate(_process);
        await _process.WaitForExitAsync().WaitAsync(Patience);
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private async Task<bool> Answers()
    {
        try
        {
            return await ready();
        }
        catch (Exception e) when (e is SocketException or HttpRequestException)
        {
            return false;
        }
    }
}
