using System.Net;
using System.Net.Sockets;
using Orleans.Faas.HttpModel.Callbacks;

namespace Orleans.Faas.Callbacks;

/// <summary>
/// Opens the callbacks' connections (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves the host itself and
/// connects only to the addresses the policy allows, so a name that resolves inward (or rebinds) reaches nothing.
/// </summary>
public sealed class CallbackConnector(CallbackUrlPolicy policy)
{
    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = resolved.Where(a => policy.Allows(host, a)).ToArray();
        if (allowed.Length == 0)
            throw new CallbackRefusedException();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
