using System.Net;
using System.Net.Sockets;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>
/// A silo or gateway started on ports another process listens on refuses to start and says which port and what holds
/// it, instead of sharing the port with it (Orleans binds with address reuse, which Linux makes SO_REUSEPORT).
/// </summary>
public sealed class TakenPortTests
{
    private static readonly string NoDocker = $"unix://{Path.GetTempPath()}no-docker-{Guid.NewGuid():N}.sock";

    [Fact]
    public async Task A_second_silo_on_a_running_silo_s_orleans_ports_refuses_to_start_and_names_the_first()
    {
        var settings = new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = NoDocker };
        await using var first = await FaasProcess.StartSilo(SiloPorts.For("first-node"), settings);
        var ports = first.Ports!;

        var (exitCode, output) = await SiloCommand.Run(null, new Dictionary<string, string>(settings)
        {
            ["Faas__Silo__NodeName"] = "second-node",
            ["Faas__Silo__SiloPort"] = ports.SiloPort.ToString(),
            ["Faas__Silo__GatewayPort"] = ports.GatewayPort.ToString(),
            ["Faas__Gateway__Url"] = $"http://127.0.0.1:{FreePorts.Next()}",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"the Orleans silo port {ports.SiloPort} is already in use by process {first.Pid} (dotnet Orleans.Faas.Silo.dll)", output, StringComparison.Ordinal);
        Assert.Contains($"the Orleans gateway port {ports.GatewayPort} is already in use by process {first.Pid}", output, StringComparison.Ordinal);
        Assert.Contains("Faas:Silo:SiloPort", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_whose_http_port_is_held_by_a_program_that_shares_ports_refuses_to_start()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // What .NET's address reuse sets on Linux: SO_REUSEADDR and SO_REUSEPORT, so a careless second binder would share it.
        holder.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        var port = FreePorts.Next();
        holder.Bind(new IPEndPoint(IPAddress.Loopback, port));
        holder.Listen();
        var silo = SiloPorts.For("http-taken");

        var (exitCode, output) = await SiloCommand.Run(null, new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = NoDocker,
            ["Faas__Silo__NodeName"] = silo.NodeName,
            ["Faas__Silo__SiloPort"] = silo.SiloPort.ToString(),
            ["Faas__Silo__GatewayPort"] = silo.GatewayPort.ToString(),
            ["Faas__Gateway__Url"] = $"http://127.0.0.1:{port}",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"the HTTP gateway port {port} is already in use by process {Environment.ProcessId}", output, StringComparison.Ordinal);
        Assert.Contains("Faas:Gateway:Url", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_silo_whose_port_another_program_took_first_starts_again_on_ports_below_the_ephemeral_range()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0]);
        var taken = FreePorts.Next();
        using var holder = new TcpListener(IPAddress.Loopback, taken);
        holder.Start();

        await using var silo = await FaasProcess.StartSilo(
            new SiloPorts("moved-node", taken, FreePorts.Next()), new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = NoDocker });

        Assert.NotEqual(taken, silo.Ports!.SiloPort);
        Assert.All([silo.Ports.SiloPort, silo.Ports.GatewayPort, silo.GatewayUrl.Port], port => Assert.InRange(port, 1024, ephemeralStart - 1));
    }
}
