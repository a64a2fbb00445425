using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>Safe by default: a gateway beyond loopback needs keys, and a key made for the operator at first start is shown once.</summary>
public sealed class ExposedGatewayTests
{
    private const string EveryAddress = "0.0.0.0";

    private static Dictionary<string, string> Settings(params (string Key, string Value)[] more) => ProcessOnlySettings.With(more);

    [Fact]
    public async Task A_silo_whose_gateway_listens_beyond_loopback_without_keys_refuses_to_start_and_says_what_to_set()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => FaasProcess.StartSilo(SiloPorts.For("exposed-silo"), Settings(), EveryAddress));

        Assert.Contains("Faas:Auth:AdminKey", refused.Message);
        Assert.Contains("Faas:Gateway:AllowAnonymous", refused.Message);
    }

    [Fact]
    public async Task A_standalone_gateway_beyond_loopback_without_keys_refuses_to_start_too()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => FaasProcess.StartGateway("exposed-gateway", Settings(("Faas__Gateway__Url", $"http://{EveryAddress}:{FreePorts.Next()}"))));

        Assert.Contains("Faas:Auth:Enabled", refused.Message);
    }

    [Fact]
    public async Task With_allow_anonymous_it_starts_open_and_warns()
    {
        await using var silo = await FaasProcess.StartSilo(SiloPorts.For("anonymous"), Settings(("Faas__Gateway__AllowAnonymous", "true")), EveryAddress);

        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/v1/functions")).StatusCode);
        Assert.Contains("AllowAnonymous=true", await File.ReadAllTextAsync(silo.LogPath));
    }

    [Fact]
    public async Task On_loopback_it_runs_open_until_the_first_key_is_stored_then_every_request_needs_one()
    {
        await using var silo = await FaasProcess.StartSilo(SiloPorts.For("open-loopback"), Settings());
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/v1/functions")).StatusCode);

        using var created = await silo.Http.PostAsJsonAsync("/v1/keys", new { name = "first", role = "admin" });
        var key = (await created.Json())["key"]!.GetValue<string>();

        await (await silo.Http.GetAsync("/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/functions") { Headers = { { "Authorization", $"Bearer {key}" } } };
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task With_auth_enabled_and_no_key_stored_an_admin_key_is_printed_once_and_works()
    {
        await using var silo = await FaasProcess.StartSilo(SiloPorts.For("bootstrap"), Settings(("Faas__Auth__Enabled", "true")), EveryAddress,
            async http => (await http.GetAsync("/healthz")).IsSuccessStatusCode);

        var key = await BootstrapKey.PrintedBy(silo);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/caller") { Headers = { { "Authorization", $"Bearer {key}" } } };
        using var caller = await silo.Http.SendAsync(request);

        Assert.Equal("admin", (await caller.Content.ReadFromJsonAsync<JsonObject>())!["role"]!.GetValue<string>());
        await (await silo.Http.GetAsync("/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Single(File.ReadAllLines(silo.LogPath), line => line.Contains(key[^43..]));
    }
}
