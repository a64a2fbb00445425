using System.Diagnostics;
using System.Net.Http.Json;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// A real Orleans.Faas process (a silo, or a gateway on its own) on private ports, its output in a log file;
/// killed with SIGKILL, whole tree, on dispose or on demand.
/// </summary>
public sealed class FaasProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How often a process that lost one of its ports to another program is started again on others.</summary>
    private const int MaxStarts = 3;

    /// <summary>What a silo or gateway says when it refuses a taken port, and what Kestrel says when it loses one.</summary>
    private const string PortTakenMessage = "already in use";

    /// <summary>The setting whose key, when given, <see cref="Http"/> sends with every request.</summary>
    public const string AdminKeySetting = "Faas__Auth__AdminKey";

    private readonly Process _process;

    public string Name { get; }

    public Uri GatewayUrl { get; }

    public string LogPath { get; }

    public HttpClient Http { get; }

    /// <summary>A silo's Orleans ports, as it was finally started with; null for a gateway on its own.</summary>
    public SiloPorts? Ports { get; private init; }

    /// <param name="listenHost">The address its HTTP gateway binds; requests are sent to loopback whatever it is.</param>
    private FaasProcess(string project, string name, IReadOnlyDictionary<string, string> settings, string listenHost = "127.0.0.1")
    {
        Name = name;
        GatewayUrl = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        LogPath = Path.Combine(TestEnvironment.WorkFolder, $"{name}-{Guid.NewGuid():N}.log");

        var dll = Path.Combine(Checkout.Root, "src", project, "bin", Checkout.BuildConfiguration, "net10.0", $"{project}.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.Environment["Faas__Gateway__Url"] = $"http://{listenHost}:{GatewayUrl.Port}";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.LogInto(LogPath);
        Http = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(100) };
        if (settings.TryGetValue(AdminKeySetting, out var adminKey))
            Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey);
    }

    /// <summary>
    /// Starts an embedded-mode silo and waits until its gateway lists its provider, or until <paramref name="isReady"/>
    /// says so. A silo that finds a port taken by another program refuses to start; it is started again on other
    /// ports, so use <see cref="Ports"/> afterwards.
    /// </summary>
    /// <param name="listenHost">The address its HTTP gateway binds, loopback unless a test needs a node reachable from elsewhere.</param>
    public static Task<FaasProcess> StartSilo(
        SiloPorts ports, IReadOnlyDictionary<string, string> settings, string listenHost = "127.0.0.1", Func<HttpClient, Task<bool>>? isReady = null)
    {
        var next = ports;
        return Start(() =>
        {
            var all = new Dictionary<string, string>(settings)
            {
                ["Faas__Silo__NodeName"] = next.NodeName,
                // Killed silos leave their agent socket folders; under the work folder the test script removes them.
                ["Faas__Docker__SocketParent"] = TestEnvironment.WorkFolder,
                ["Faas__Silo__SiloPort"] = next.SiloPort.ToString(),
                ["Faas__Silo__GatewayPort"] = next.GatewayPort.ToString(),
            };
            var silo = new FaasProcess("Orleans.Faas.Silo", next.NodeName, all, listenHost) { Ports = next };
            next = SiloPorts.For(ports.NodeName);
            return silo;
        }, isReady ?? (async http => (await http.GetFromJsonAsync<List<ProviderView>>("/v1/providers"))!.Any(p => p.Id == ports.NodeName)));
    }

    /// <summary>Starts a gateway on its own, as an Orleans client of the silo at <paramref name="silo"/>, and waits until it is healthy.</summary>
    public static Task<FaasProcess> StartGateway(string name, SiloPorts silo) =>
        StartGateway(name, new Dictionary<string, string> { ["Faas__Silo__GatewayPort"] = silo.GatewayPort.ToString() });

    /// <summary>Starts a gateway on its own with the given settings and waits until it is healthy.</summary>
    public static Task<FaasProcess> StartGateway(string name, IReadOnlyDictionary<string, string> settings) =>
        Start(() => new FaasProcess("Orleans.Faas.Gateway", name, settings), async http => (await http.GetAsync("/healthz")).IsSuccessStatusCode);

    /// <summary>Its process id, as a function on the node would find it in /proc.</summary>
    public int Pid => _process.Id;

    /// <summary>How the process ended; only valid once it has.</summary>
    public int ExitCode => _process.ExitCode;

    public string LogTail(int lines = 40) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no log)";

    /// <summary>SIGKILL, whole process tree: what a crash or an operator's kill -9 does.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, then a wait for the process to shut down cleanly: what an operator or systemd does.</summary>
    public async Task Stop()
    {
        if (_process.HasExited)
            return;
        Signals.Terminate(_process);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not stop within {StartTimeout} of SIGTERM:\n{LogTail()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
        Http.Dispose();
    }

    /// <summary>
    /// Starts a process made by <paramref name="make"/> and waits until it is ready. One that lost a port to another
    /// program is made again (with other ports: each process picks its own HTTP port, and the silo's maker moves its
    /// Orleans ports), a few times at most.
    /// </summary>
    private static async Task<FaasProcess> Start(Func<FaasProcess> make, Func<HttpClient, Task<bool>> isReady)
    {
        for (var attempt = 1; ; attempt++)
        {
            var process = make();
            try
            {
                await process.WaitUntil(isReady);
                return process;
            }
            catch (PortTakenException) when (attempt < MaxStarts)
            {
                await process.DisposeAsync();
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }
    }

    private async Task WaitUntil(Func<HttpClient, Task<bool>> isReady)
    {
        try
        {
            await Poll.UntilAsync(async () => await IsReady(isReady), StartTimeout, $"{Name} to be ready", TimeSpan.FromMilliseconds(200));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{LogTail()}", e);
        }
    }

    private async Task<bool> IsReady(Func<HttpClient, Task<bool>> isReady)
    {
        if (_process.HasExited)
        {
            await _process.WaitForExitAsync();
            var message = $"{Name} exited with {_process.ExitCode} during start-up:\n{LogTail()}";
            throw message.Contains(PortTakenMessage, StringComparison.Ordinal)
                ? new PortTakenException(message)
                : new InvalidOperationException(message);
        }
        try
        {
            return await isReady(Http);
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
            return false;
        }
    }

    private sealed record ProviderView(string Id);

    /// <summary>The process refused to start, or could not, because another program listens on one of its ports.</summary>
    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
