using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Orleans.Faas.Dashboard.SignIn;

/// <summary>
/// Marks the dashboard's calls to its own gateway with a secret only this process knows, so that the gateway can tell
/// them from any other loopback client: a key refused at sign-in counts against the browser's address, which the mark
/// names, and never against the gateway's own loopback address that every page's call comes from.
/// </summary>
public sealed class OwnCalls
{
    public const string Header = "Faas-Dashboard-Call";

    /// <summary>The browser's address, on a sign-in's key check only.</summary>
    public const string BrowserHeader = "Faas-Dashboard-Browser";

    private readonly byte[] _secret = Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public void Mark(HttpRequestHeaders headers, IPAddress? browser)
    {
        headers.Add(Header, Encoding.ASCII.GetString(_secret));
        if (browser is not null)
            headers.Add(BrowserHeader, browser.ToString());
    }

    /// <summary>Whether the request is one of this dashboard's own calls.</summary>
    public bool IsOwn(HttpRequest request) =>
        request.Headers[Header] is [{ } mark] && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mark), _secret);

    /// <summary>The browser a sign-in's key check is for; null on any other call.</summary>
    public static string? BrowserOf(HttpRequest request) =>
        request.Headers[BrowserHeader] is [{ } address] && IPAddress.TryParse(address, out var parsed) ? parsed.ToString() : null;
}
