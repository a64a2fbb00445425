using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>A client reading the whole execution history a page at a time, as the client library will.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed partial class ExecutionPagingTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task Following_the_next_links_reads_every_record_once_newest_first()
    {
        var name = UniqueName("paged");
        await Http.RegisterOk(Cat(name));
        var invoked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.InvokeSync(name, $"run {i}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
            invoked.Add(response.Headers.GetValues("X-Faas-Task-Id").Single());
        }
        invoked.Reverse();

        foreach (var limit in new[] { 1, 2 })
        {
            var read = await ReadAllPages($"/v1/executions?function={name}&provider={Uri.EscapeDataString(platform.Silo.Name)}&limit={limit}", limit);

            Assert.Equal(invoked, read.Select(r => r["taskId"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_before_token_no_page_gave_is_a_problem()
    {
        var problem = await (await Http.GetAsync("/v1/executions?before=not-a-token")).AssertProblem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["before"]);
    }

    /// <summary>Reads the first page and every page its rel="next" links lead to, none longer than the limit.</summary>
    private async Task<List<JsonNode>> ReadAllPages(string first, int limit)
    {
        var read = new List<JsonNode>();
        for (string? next = first; next is not null;)
        {
            using var response = await Http.GetAsync(next);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
            var page = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
            Assert.InRange(page.Count, 0, limit);
            read.AddRange(page.Select(r => r!));
            next = null;
            if (response.Headers.TryGetValues("Link", out var links))
            {
                var link = NextLink().Match(links.Single());
                Assert.True(link.Success, $"Not a next link: {links.Single()}");
                next = link.Groups["target"].Value;
            }
        }
        return read;
    }

    [GeneratedRegex("^<(?<target>[^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();
}
