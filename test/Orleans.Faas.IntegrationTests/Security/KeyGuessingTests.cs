using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>Made-up keys cost the cluster nothing: an unknown id is refused by the gateway alone, and an address that keeps sending bad keys is made to wait.</summary>
public sealed class KeyGuessingTests
{
    private const string AdminKey = "guessing-admin-key-0123456789abcdef";

    private static string MadeUpKey() => $"faas_{Guid.NewGuid():N}"[..21] + "_" + new string('A', 43);

    [Fact]
    public async Task Keys_with_made_up_ids_are_refused_without_activating_a_key_grain()
    {
        await using var silo = await FaasProcess.StartSilo(SiloPorts.For("guessed"), ProcessOnlySettings.With((FaasProcess.AdminKeySetting, AdminKey)));
        for (var i = 0; i < 10; i++)
            await (await Send(silo, MadeUpKey(), "/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);

        // A real key activates its grain once it is issued: the count shows it once the metrics caught up.
        using var created = await silo.Http.PostAsJsonAsync("/v1/keys", new { name = "real", role = "developer" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await Describe(created));
        Assert.Equal(1, await Poll.UntilAsync(() => KeyGrains(silo), count => count >= 1, Patience, "the issued key's grain to show in /metrics"));
    }

    [Fact]
    public async Task A_key_made_through_one_gateway_is_accepted_at_once_by_another_that_had_just_read_the_keys()
    {
        var ports = SiloPorts.For("keys-told");
        var admin = (FaasProcess.AdminKeySetting, AdminKey);
        await using var silo = await FaasProcess.StartSilo(ports, ProcessOnlySettings.With(admin));
        await using var gateway = await FaasProcess.StartGateway("keys-told-gateway", ProcessOnlySettings.With(admin, ("Faas__Silo__GatewayPort", ports.GatewayPort.ToString(CultureInfo.InvariantCulture))));
        await (await Send(gateway, MadeUpKey(), "/v1/caller")).AssertProblem(HttpStatusCode.Unauthorized);

        using var created = await silo.Http.PostAsJsonAsync("/v1/keys", new { name = "roaming", role = "invoker" });
        var key = (await created.Json())["key"]!.GetValue<string>();

        using var caller = await Send(gateway, key, "/v1/caller");
        Assert.True(caller.StatusCode == HttpStatusCode.OK, await Describe(caller));
    }

    [Fact]
    public async Task An_address_that_sent_too_many_bad_keys_gets_429_with_retry_after_and_its_keys_go_unread_meanwhile()
    {
        await using var silo = await FaasProcess.StartSilo(SiloPorts.For("throttled"), ProcessOnlySettings.With(
            (FaasProcess.AdminKeySetting, AdminKey), ("Faas__Auth__FailedKeys__Burst", "3"), ("Faas__Auth__FailedKeys__PerMinute", "2")));

        for (var i = 0; i < 3; i++)
            await (await Send(silo, MadeUpKey(), "/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);
        foreach (var key in new[] { MadeUpKey(), "not-shaped-like-a-key", AdminKey })
        {
            using var refused = await Send(silo, key, "/v1/functions");
            await refused.AssertProblem(HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        }

        // A request without a key is not a failed attempt, and the health check never asks for one.
        await (await Send(silo, null, "/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Send(silo, null, "/healthz")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(FaasProcess process, string? key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var http = new HttpClient { BaseAddress = process.GatewayUrl };
        return await http.SendAsync(request);
    }

    /// <summary>Key grains the silo has activated, as Orleans counts them in /metrics (open unless Faas:Auth:ProtectMetrics).</summary>
    private static async Task<int> KeyGrains(FaasProcess silo) =>
        (await silo.Http.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.StartsWith("orleans_catalog_activation_created_total{", StringComparison.Ordinal) && line.Contains("grain_type=\"apikey\"", StringComparison.Ordinal))
            .Sum(line => (int)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
