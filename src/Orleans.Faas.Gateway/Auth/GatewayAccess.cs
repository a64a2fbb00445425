using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Orleans.Faas.Gateway.Hosting;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// Whether the gateway needs keys: always once authentication is configured; otherwise (on loopback, or off it with
/// AllowAnonymous) only once some key is stored, which the cluster is asked at each request that brings no key until
/// this gateway knows of one (<see cref="KnownKeyIds"/>).
/// </summary>
public sealed class GatewayAccess(IOptions<AuthOptions> auth, KnownKeyIds knownKeys)
{
    private readonly byte[]? _adminKeyHash = auth.Value.AdminKey is { } key ? ApiKeySecret.Hash(key) : null;

    public async Task<bool> IsOpen() => !auth.Value.IsConfigured && await knownKeys.NoneStored();

    public bool IsConfiguredAdminKey(string key) =>
        _adminKeyHash is not null && CryptographicOperations.FixedTimeEquals(_adminKeyHash, ApiKeySecret.Hash(key));

    /// <summary>Refuses a gateway that would answer anyone on a network; the message names the settings that let it start.</summary>
    public static void ThrowIfExposed(GatewayOptions gateway, AuthOptions auth)
    {
        if (auth.IsConfigured || gateway.AllowAnonymous || gateway.ListensOnLoopbackOnly)
            return;
        throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions),
        [
            $"The gateway listens on {gateway.Url}, beyond loopback, and no authentication is configured: anyone who reaches it could run any code. "
            + "Set Faas:Auth:AdminKey (a key of your own, at least 24 characters) or Faas:Auth:Enabled=true (an admin key is made and printed at the first start); "
            + "or set Faas:Gateway:AllowAnonymous=true to run it open on purpose.",
        ]);
    }
}
