using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Batches;

public static partial class BatchHttp
{
    public static async Task<HttpResponseMessage> StartBatch(this HttpClient http, string function, string body, string contentType = "application/json", string query = "") =>
        await http.PostAsync($"/v1/functions/{function}/batches{query}", new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<string> StartBatchAccepted(this HttpClient http, string function, string body, string contentType = "application/json", string query = "")
    {
        using var response = await http.StartBatch(function, body, contentType, query);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        var accepted = await response.Json();
        Assert.Equal($"/v1/batches/{accepted["batchId"]}", response.Headers.Location?.OriginalString);
        return accepted["batchId"]!.GetValue<string>();
    }

    /// <summary>Long polls the batch until it finished; the gateway asking again while the cluster recovers from a lost silo.</summary>
    public static async Task<JsonObject> WaitForBatch(this HttpClient http, string batchId, TimeSpan patience) =>
        (await Poll.UntilAsync(
            () => HttpAnswer.Of(http.GetAsync($"/v1/batches/{batchId}?waitSeconds=10&limit=1")),
            answer => answer.IsSuccess && answer.Json()["finished"]!.GetValue<bool>(), patience, $"batch {batchId} to finish"))
        .Json();

    /// <summary>Every item, following the Link headers from the first page.</summary>
    public static async Task<List<JsonObject>> Items(this HttpClient http, string batchId, int limit = 1000)
    {
        var items = new List<JsonObject>();
        string? page = $"/v1/batches/{batchId}?offset=0&limit={limit}";
        while (page is not null)
        {
            using var response = await http.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, await Describe(response));
            items.AddRange((await response.Json())["items"]!.AsArray().Select(i => i!.AsObject()));
            page = response.Headers.TryGetValues("Link", out var links) ? Next().Match(links.Single()).Groups[1].Value : null;
        }
        return items;
    }

    public static async Task<JsonObject> Batch(this HttpClient http, string batchId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/v1/batches/{batchId}"))!;

    [GeneratedRegex("^<([^>]+)>; rel=\"next\"$")]
    private static partial Regex Next();
}
