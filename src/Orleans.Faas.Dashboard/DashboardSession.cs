using Microsoft.AspNetCore.Components.Authorization;
using Orleans.Faas.Client;
using Orleans.Faas.Dashboard.SignIn;

namespace Orleans.Faas.Dashboard;

/// <summary>One browser tab's view of the cluster: a client with the signed-in user's key, and who the gateway takes them for.</summary>
public sealed class DashboardSession(AuthenticationStateProvider authentication, GatewayClients gateway)
{
    private FaasClient? _client;
    private CallerInfo? _caller;

    public async Task<FaasClient> Client()
    {
        if (_client is null)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            _client = gateway.For(DashboardSignIn.KeyOf(state.User));
        }
        return _client;
    }

    /// <summary>The key's role decides what the pages offer; the gateway decides what it allows.</summary>
    public async Task<CallerInfo> Caller(CancellationToken cancellationToken) =>
        _caller ??= await (await Client()).GetCallerAsync(cancellationToken);
}
