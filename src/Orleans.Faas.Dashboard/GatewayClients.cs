using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Orleans.Faas.Client;
using Orleans.Faas.Dashboard.SignIn;

namespace Orleans.Faas.Dashboard;

/// <summary>Clients of the gateway's own HTTP API, each sending one user's key: the dashboard sees what that key may see.</summary>
public sealed class GatewayClients(IHttpClientFactory http, OwnCalls own)
{
    public const string HttpClientName = "Orleans.Faas.Dashboard";

    /// <param name="key">The signed-in user's key; null on an open gateway.</param>
    public FaasClient For(string? key) => Client(key, null);

    /// <summary>A client that checks a key typed at sign-in in <paramref name="browser"/>: a refusal counts against that address.</summary>
    public FaasClient ForSignIn(string key, IPAddress? browser) => Client(key, browser);

    private FaasClient Client(string? key, IPAddress? browser)
    {
        var client = http.CreateClient(HttpClientName);
        own.Mark(client.DefaultRequestHeaders, browser);
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new FaasClient(client);
    }

    /// <summary>Whether the gateway answers a caller without a key.</summary>
    public async Task<bool> IsOpen(CancellationToken cancellationToken)
    {
        try
        {
            await For(null).GetCallerAsync(cancellationToken);
            return true;
        }
        catch (FaasRequestException e) when (e.Status == StatusCodes.Status401Unauthorized)
        {
            return false;
        }
    }
}
