using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Batches;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Callbacks;

/// <summary>Where callbacks may not go on a platform whose operator allowed nothing internal: refused as written, and after DNS.</summary>
public sealed class CallbackPolicyTests(DefaultPolicySiloFixture platform) : IClassFixture<DefaultPolicySiloFixture>
{
    private const string RefusedByPolicy = "refused by policy";

    private HttpClient Http => platform.Http;

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://172.16.3.4/")]
    [InlineData("https://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://0.0.0.0:8080/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:a9fe:a9fe]/")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/")]
    public async Task An_internal_address_written_in_a_callback_url_is_a_400_naming_the_field_for_tasks_batches_and_chains(string url)
    {
        var name = UniqueName("policy-literal");
        await Http.RegisterOk(Cat(name));
        var query = $"?callbackUrl={Uri.EscapeDataString(url)}";

        using (var invocation = await Http.PostAsync($"/v1/functions/{name}/invocations{query}", new StringContent("x")))
            AssertRefused(await invocation.AssertProblem(HttpStatusCode.BadRequest));
        using (var batch = await Http.StartBatch(name, """["x"]""", query: query))
            AssertRefused(await batch.AssertProblem(HttpStatusCode.BadRequest));
        using (var run = await Http.PostAsync($"/v1/chains/{UniqueName("nochain")}/runs{query}", new StringContent("x")))
            AssertRefused(await run.AssertProblem(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_name_that_resolves_to_this_host_fails_by_policy_alike_whether_its_port_is_open_or_not()
    {
        // The node's own name resolves to loopback or to one of its own addresses: internal either way, and not a literal the gateway could judge.
        var host = Dns.GetHostName();
        var open = new TcpListener(IPAddress.Any, 0);
        open.Start();
        try
        {
            var name = UniqueName("policy-dns");
            await Http.RegisterOk(Cat(name));
            var closedPort = Hosting.FreePorts.Next();

            var toOpen = await FailedCallback(name, $"http://{host}:{((IPEndPoint)open.LocalEndpoint).Port}/");
            var toClosed = await FailedCallback(name, $"http://{host}:{closedPort}/");

            Assert.Contains(RefusedByPolicy, toOpen["lastError"]!.GetValue<string>());
            Assert.Equal(toOpen["lastError"]!.GetValue<string>(), toClosed["lastError"]!.GetValue<string>());
            Assert.Equal(1, toOpen["attempts"]!.GetValue<int>());
            Assert.False(open.Pending(), "the refused callback connected to the open port");
        }
        finally
        {
            open.Stop();
        }
    }

    /// <summary>Invokes with the callback and waits for the callback to fail: refused by policy it fails at once, not after Faas:Callbacks:RetryFor.</summary>
    private async Task<JsonObject> FailedCallback(string function, string url)
    {
        var taskId = (await (await Http.PostAsync($"/v1/functions/{function}/invocations?callbackUrl={Uri.EscapeDataString(url)}", new StringContent("x"))).Json())["taskId"]!.GetValue<string>();
        return (await Poll.UntilAsync(
            async () => (await Http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}"))!["callback"], callback => callback?["status"]?.GetValue<string>() == "FAILED",
            TimeSpan.FromSeconds(30), $"the callback to {url} to fail by policy"))!.AsObject();
    }

    private static void AssertRefused(JsonObject problem) =>
        Assert.Contains(RefusedByPolicy, Assert.Single(problem["errors"]!["callbackUrl"]!.AsArray())!.GetValue<string>());
}
