using System.Net;
using System.Text;
using System.Text.Json;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>
/// A web page the user opens must not run code through the open loopback gateway: a browser's cross-site form or
/// text/plain POST (sent without a preflight) is refused, and so is a request addressed to another host name, as a
/// page that rebinds its own name to 127.0.0.1 sends. Programs, which send neither Origin nor Sec-Fetch-Site, go on.
/// </summary>
public sealed class BrowserRequestTests(OpenLoopbackSiloFixture platform) : IClassFixture<OpenLoopbackSiloFixture>
{
    private const string Evil = "http://evil.example";

    private HttpClient Http => platform.Silo.Http;

    private string OwnOrigin => $"http://127.0.0.1:{platform.Silo.GatewayUrl.Port}";

    [Fact]
    public async Task A_page_of_another_site_can_neither_register_a_process_function_with_a_form_nor_run_one_with_text_plain()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"faas-cross-site-{Guid.NewGuid():N}");
        var name = UniqueName("cross-site");
        var definition = JsonSerializer.Serialize(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", $": > {marker}" } });
        try
        {
            using var form = new MultipartFormDataContent { { new StringContent(definition), "definition" } };
            using (var registered = await Send(HttpMethod.Post, "/v1/functions", form, ("Origin", Evil), ("Sec-Fetch-Site", "cross-site")))
                await registered.AssertProblem(HttpStatusCode.Forbidden);
            await (await Http.GetAsync($"/v1/functions/{name}")).AssertProblem(HttpStatusCode.NotFound);

            await Http.RegisterOk(JsonDocument.Parse(definition).RootElement);
            // A browser that sends no Sec-Fetch-Site still names the page's origin; one that does may send no Origin; a sandboxed page's origin is "null".
            (string, string)[][] crossSite = [[("Origin", Evil)], [("Sec-Fetch-Site", "cross-site")], [("Sec-Fetch-Site", "same-site")], [("Origin", "null")]];
            foreach (var headers in crossSite)
            {
                using var invoked = await Send(HttpMethod.Post, $"/v1/functions/{name}/invoke", new StringContent("x", Encoding.UTF8, "text/plain"), headers);
                await invoked.AssertProblem(HttpStatusCode.Forbidden);
            }
            Assert.False(File.Exists(marker), "a cross-site request ran the function");

            // The gateway's own page (its /docs) is same-origin, and is answered.
            using (var own = await Send(HttpMethod.Post, $"/v1/functions/{name}/invoke", new StringContent("x"), ("Origin", OwnOrigin), ("Sec-Fetch-Site", "same-origin")))
                Assert.True(own.StatusCode == HttpStatusCode.OK, await Describe(own));
            Assert.True(File.Exists(marker), "the function did not run for its own origin");
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task Reads_and_preflights_from_other_origins_are_refused_and_nothing_allows_another_origin()
    {
        using var read = await Send(HttpMethod.Get, "/v1/functions", null, ("Origin", Evil), ("Sec-Fetch-Site", "cross-site"));
        using var preflight = await Send(HttpMethod.Options, "/v1/functions", null, ("Origin", Evil), ("Access-Control-Request-Method", "PUT"));

        foreach (var response in new[] { read, preflight })
        {
            await response.AssertProblem(HttpStatusCode.Forbidden);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), await Describe(response));
        }
    }

    [Fact]
    public async Task Open_on_loopback_it_answers_only_requests_addressed_to_a_loopback_host_at_its_port()
    {
        var port = platform.Silo.GatewayUrl.Port;

        foreach (var host in new[] { $"evil.example:{port}", "evil.example", $"127.0.0.1:{port + 1}", $"localhost.evil.example:{port}" })
        {
            using var response = await Send(HttpMethod.Get, "/v1/functions", null, ("Host", host));
            var problem = await response.AssertProblem(HttpStatusCode.MisdirectedRequest);
            Assert.Contains(port.ToString(), problem["detail"]!.GetValue<string>());
        }
        foreach (var host in new[] { $"localhost:{port}", $"127.0.0.1:{port}", $"127.0.0.2:{port}", $"[::1]:{port}", $"LOCALHOST:{port}" })
        {
            using var response = await Send(HttpMethod.Get, "/v1/functions", null, ("Host", host));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{host}: {await Describe(response)}");
        }
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (header, value) in headers)
            request.Headers.TryAddWithoutValidation(header, value);
        return await Http.SendAsync(request);
    }
}
