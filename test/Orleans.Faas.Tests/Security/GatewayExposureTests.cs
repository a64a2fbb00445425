using Microsoft.Extensions.Options;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Hosting;

namespace Orleans.Faas.Tests.Security;

public sealed class GatewayExposureTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://127.0.0.1:8080;http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://127.0.0.1:8080;http://0.0.0.0:8081", false)]
    public void Only_addresses_all_on_loopback_count_as_loopback(string urls, bool loopback) =>
        Assert.Equal(loopback, new GatewayOptions { Url = urls }.ListensOnLoopbackOnly);

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://[::]:8443", "https://127.0.0.1:8443/")]
    [InlineData("http://10.0.0.5:8080;http://127.0.0.1:8081", "http://10.0.0.5:8080/")]
    public void The_dashboard_reaches_its_own_gateway_at_the_first_address_with_a_wildcard_as_loopback(string urls, string local) =>
        Assert.Equal(new Uri(local), new GatewayOptions { Url = urls }.LocalAddress);

    [Fact]
    public void A_gateway_beyond_loopback_without_auth_is_refused_with_the_settings_that_let_it_start()
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
            GatewayAccess.ThrowIfExposed(new GatewayOptions { Url = "http://0.0.0.0:8080" }, new AuthOptions()));

        Assert.Contains("Faas:Auth:AdminKey", refused.Message);
        Assert.Contains("Faas:Auth:Enabled", refused.Message);
        Assert.Contains("Faas:Gateway:AllowAnonymous", refused.Message);
    }

    [Fact]
    public void A_gateway_beyond_loopback_starts_with_a_key_configured_or_anonymous_allowed()
    {
        var exposed = new GatewayOptions { Url = "http://0.0.0.0:8080" };

        GatewayAccess.ThrowIfExposed(exposed, new AuthOptions { AdminKey = new string('k', 32) });
        GatewayAccess.ThrowIfExposed(exposed, new AuthOptions { Enabled = true });
        GatewayAccess.ThrowIfExposed(new GatewayOptions { Url = exposed.Url, AllowAnonymous = true }, new AuthOptions());
    }
}
