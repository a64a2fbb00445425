using System.Net;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>Once keys are required, any host name is answered (a page cannot send a key it does not know), and pages of other sites are still refused.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class KeyedBrowserRequestTests(SecuredSiloFixture platform)
{
    [Fact]
    public async Task A_gateway_that_requires_keys_answers_any_host_but_not_a_page_of_another_site_even_with_a_key()
    {
        using var anyHost = new HttpRequestMessage(HttpMethod.Get, "/v1/functions") { Headers = { Host = "faas.lab.example" } };
        using var crossSite = new HttpRequestMessage(HttpMethod.Get, "/v1/functions") { Headers = { { "Origin", "http://evil.example" } } };

        using (var response = await platform.Admin.SendAsync(anyHost))
            Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        await (await platform.Admin.SendAsync(crossSite)).AssertProblem(HttpStatusCode.Forbidden);
    }
}
