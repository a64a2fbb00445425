using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Orleans.Faas.Runtime.Agent;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>
/// A baseline: one container started by hand with <c>docker run -d</c> in the node's box, its agent asked directly over
/// its connection. What a warm run costs with no gateway, grains or runner around it.
/// </summary>
public sealed class RawAgentExec : IAsyncDisposable
{
    private readonly string _dockerHost;
    private readonly string _container;
    private readonly string _socketFolder;
    private readonly Socket _agent;

    private RawAgentExec(string dockerHost, string container, string socketFolder, Socket agent)
    {
        _dockerHost = dockerHost;
        _container = container;
        _socketFolder = socketFolder;
        _agent = agent;
    }

    public static async Task<RawAgentExec> Start(string dockerHost, string agentPath, string image, params string[] command)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The agent's socket is a unix socket.");
        var socketFolder = Directory.CreateTempSubdirectory("ofaas-bench-").FullName;
        File.SetUnixFileMode(socketFolder, (UnixFileMode)0b111_001_001);
        using var listener = AgentListener.Open(socketFolder);
        var id = (await Docker(dockerHost, [
            "run", "-d", "--network", "none", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--read-only",
            "--tmpfs", "/tmp:rw,nosuid,nodev,size=64m", "--pids-limit", "128", "--memory", "256m", "--cpus", "1", "--user", "65534:65534",
            "-v", $"{Path.GetDirectoryName(agentPath)}:/.faas/bin:ro", "-v", $"{socketFolder}:/.faas/run:ro",
            "--entrypoint", "/.faas/bin/faas-agent", image, $"/.faas/run/{AgentListener.SocketName}", .. command])).Trim();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (agent, _) = await listener.AcceptOnceAsync(timeout.Token);
        return new RawAgentExec(dockerHost, id, socketFolder, agent);
    }

    public async Task<TimeSpan> RunOnce(string input)
    {
        var clock = Stopwatch.StartNew();
        await using var stream = new NetworkStream(_agent, ownsSocket: false);
        await AgentProtocol.SendAsync(stream, Encoding.UTF8.GetBytes(input), CancellationToken.None);
        var capture = new RunCapture(new RunnerOptions());
        var report = await AgentProtocol.ReceiveAsync(stream, capture.Stdout, capture.Stderr, CancellationToken.None);
        clock.Stop();
        if (report.ExitCode != 0)
            throw new InvalidOperationException($"The raw agent run exited with {report.ExitCode}: {capture.Logs()}");
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        _agent.Dispose();
        await Docker(_dockerHost, ["rm", "-f", _container]);
        Directory.Delete(_socketFolder, recursive: true);
    }

    private static async Task<string> Docker(string dockerHost, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOCKER_HOST"] = dockerHost;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"docker {arguments[0]} failed: {errors}");
    }
}
