using System.Net;
using System.Text.RegularExpressions;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>The gateway as its own process, an Orleans client in front of a silo; and what it says when the silo dies.</summary>
public sealed class StandaloneGatewayTests : IAsyncLifetime
{
    private readonly SiloPorts _ports = SiloPorts.For("behind-gateway");
    private FaasProcess? _silo;
    private FaasProcess? _gateway;

    public async Task InitializeAsync()
    {
        _silo = await FaasProcess.StartSilo(_ports, new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = $"unix://{Path.GetTempPath()}no-docker-{Guid.NewGuid():N}.sock",
        });
        _gateway = await FaasProcess.StartGateway("gateway", _silo.Ports!);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (_silo is not null)
            await _silo.DisposeAsync();
    }

    [Fact]
    public async Task Functions_registered_and_invoked_through_a_standalone_gateway_run_on_the_silo()
    {
        var name = UniqueName("via-gateway");
        await _gateway!.Http.RegisterOk(Cat(name));

        using var response = await _gateway.Http.InvokeSync(name, "through the client");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal("through the client", await response.Content.ReadAsStringAsync());
        using var direct = await _silo!.Http.GetAsync($"/v1/functions/{name}");
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
    }

    [Fact]
    public async Task The_standalone_gateway_serves_the_dashboard_and_the_script_its_pages_load_from_its_build_output()
    {
        var page = await _gateway!.Http.GetStringAsync("/ui");

        var script = Regex.Match(page, "<script src=\"(_framework/blazor\\.web\\.[^\"]*js)\"").Groups[1].Value;
        Assert.NotEqual("", script);
        Assert.True((await _gateway.Http.GetByteArrayAsync(script)).Length > 10_000, $"{script} is empty");
    }

    [Fact]
    public async Task With_the_silo_killed_the_gateway_answers_503_problems_and_is_neither_healthy_nor_ready()
    {
        await _silo!.Kill();

        using var health = await _gateway!.Http.GetAsync("/healthz");
        using var ready = await _gateway.Http.GetAsync("/readyz");
        using var list = await _gateway.Http.GetAsync("/v1/functions");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        await list.AssertProblem(HttpStatusCode.ServiceUnavailable);
    }
}
