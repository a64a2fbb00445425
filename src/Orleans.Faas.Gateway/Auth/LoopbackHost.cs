using System.Net;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// The open loopback gateway answers only requests addressed to loopback at the port they came in on: a page whose
/// name its own DNS turns into 127.0.0.1 (DNS rebinding) reaches the gateway as if it were the page's own site, but
/// its name is in Host, and is refused (421).
/// </summary>
public static class LoopbackHost
{
    public static async Task Refuse(HttpContext context, RequestDelegate next)
    {
        if (IsLoopback(context.Request.Host, context.Request.IsHttps, context.Connection.LocalPort))
        {
            await next(context);
            return;
        }
        await ProblemResponse.TryWriteAsync(context, ProblemCatalog.Problem(StatusCodes.Status421MisdirectedRequest,
            "The gateway runs open on loopback, so it answers only requests addressed to loopback.",
            $"Address it as localhost, 127.0.0.1 or [::1] with port {context.Connection.LocalPort}; "
            + "a gateway that requires keys (Faas:Auth:AdminKey or Faas:Auth:Enabled) answers any name."));
    }

    /// <summary>Host names localhost, an address of 127.0.0.0/8 or ::1, and <paramref name="port"/> (the scheme's default when it names none).</summary>
    public static bool IsLoopback(HostString host, bool https, int port) =>
        (host.Port ?? (https ? 443 : 80)) == port
        && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
