using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Compat.Mpcs;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.IntegrationTests.Security;

namespace Orleans.Faas.IntegrationTests.Compat;

/// <summary>Each earlier system's API is on by default and off by its own switch, Faas:Compat:&lt;System&gt;:Enabled.</summary>
public sealed class CompatSwitchTests
{
    [Fact]
    public async Task A_system_switched_off_has_no_routes_and_no_place_in_the_openapi_document_while_the_others_stay()
    {
        await using var silo = await FaasProcess.StartSilo(SiloPorts.For("compat-switch"), ProcessOnlySettings.With(("Faas__Compat__Mpcs__Enabled", "false")));

        var paths = (await silo.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject().Select(path => path.Key).ToList();
        // Switched on, this bad payload would be MPCS's 400; switched off, no route takes it.
        using var off = await silo.Http.RegisterFunction("double", "x");

        Assert.DoesNotContain(paths, path => path.StartsWith(MpcsHttp.Base + "/", StringComparison.Ordinal));
        foreach (var system in new[] { "chainfaas", "pepper", "benchmark-controller", "fsched" })
            Assert.Contains(paths, path => path.StartsWith($"/compat/{system}/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
    }
}
