using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Batches;

/// <summary>Batches over real HTTP against the embedded platform: one task per input, results in input order, bad bodies refused whole.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class BatchHttpTests(EmbeddedPlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_batch_of_1000_inputs_runs_one_task_each_and_gives_every_output_in_input_order()
    {
        var name = UniqueName("batch-cat");
        await Http.RegisterOk(Cat(name));
        var inputs = Enumerable.Range(0, 1000).Select(i => $"input-{i:D4}").ToList();

        var batchId = await Http.StartBatchAccepted(name, JsonSerializer.Serialize(inputs));
        var finished = await Http.WaitForBatch(batchId, Patience);

        Assert.Equal(1000, finished["total"]!.GetValue<int>());
        Assert.Equal(1000, finished["counts"]!["completed"]!.GetValue<int>());
        Assert.Equal("FINISHED", finished["status"]!.GetValue<string>());
        var items = await Http.Items(batchId, limit: 300);
        Assert.Equal(Enumerable.Range(0, 1000), items.Select(i => i["index"]!.GetValue<int>()));
        Assert.Equal(inputs, items.Select(i => i["output"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("utf8", i["outputEncoding"]!.GetValue<string>()));
        Assert.Equal(1000, items.Select(i => i["taskId"]!.GetValue<string>()).Distinct().Count());
        var task = await Http.WaitForTask(items[7]["taskId"]!.GetValue<string>());
        Assert.Equal(batchId, task["batch"]!["batchId"]!.GetValue<string>());
        Assert.Equal(7, task["batch"]!["index"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ndjson_lines_of_text_and_base64_items_come_back_as_text_or_base64()
    {
        var name = UniqueName("batch-nd");
        await Http.RegisterOk(Cat(name));
        var binary = new byte[] { 0xff, 0x00, 0xfe };
        var body = $"\"plain\"\n{{\"base64\": \"{Convert.ToBase64String("from base64"u8)}\"}}\n{{\"base64\": \"{Convert.ToBase64String(binary)}\"}}\n\"\\u00e9t\\u00e9\"\n";

        var batchId = await Http.StartBatchAccepted(name, body, "application/x-ndjson");
        await Http.WaitForBatch(batchId, Patience);
        var items = await Http.Items(batchId);

        Assert.Equal(["plain", "from base64", Convert.ToBase64String(binary), "été"], items.Select(i => i["output"]!.GetValue<string>()));
        Assert.Equal(["utf8", "utf8", "base64", "utf8"], items.Select(i => i["outputEncoding"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_failing_input_fails_its_item_and_the_batch_still_finishes_with_both_counts()
    {
        var name = UniqueName("batch-mixed");
        await Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "read x; [ \"$x\" = bad ] && exit 3; echo ok-$x" } });

        var batchId = await Http.StartBatchAccepted(name, """["a\n", "bad\n", "c\n"]""");
        var finished = await Http.WaitForBatch(batchId, Patience);
        var items = await Http.Items(batchId);

        Assert.Equal(2, finished["counts"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, finished["counts"]!["failed"]!.GetValue<int>());
        Assert.Equal(["COMPLETED", "FAILED", "COMPLETED"], items.Select(i => i["status"]!.GetValue<string>()));
        Assert.Equal("exit code", items[1]["failureReason"]!.GetValue<string>());
        Assert.Null(items[1]["output"]);
        Assert.Equal("ok-c\n", items[2]["output"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""["fine", 42, {"base64": "AA=="}]""", "application/json", "items[1]")]
    [InlineData("""["fine", {"base64": "not base64!"}]""", "application/json", "items[1]")]
    [InlineData("""["fine", {"text": "x"}]""", "application/json", "items[1]")]
    [InlineData("\"fine\"\n{broken\n", "application/x-ndjson", "items[1]")]
    [InlineData("[]", "application/json", "items")]
    [InlineData("{\"inputs\": []}", "application/json", "items")]
    public async Task A_bad_body_is_a_400_naming_the_item_and_nothing_runs(string body, string contentType, string field)
    {
        var name = UniqueName("batch-bad");
        await Http.RegisterOk(Cat(name));

        using var response = await Http.StartBatch(name, body, contentType);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]![field] is not null, problem.ToJsonString());
        // A run invoked after the refusal: once its row is in the history, a run of the refused batch would be too.
        var after = await Http.InvokeAccepted(name, "after");
        await Http.WaitForTask(after);
        var rows = await Poll.UntilAsync(
            async () => (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!, rows => rows.Count > 0, Patience, "the later run to reach the history");
        Assert.Equal([after], rows.Select(r => r!["taskId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Malformed_json_an_unknown_function_a_bad_callback_and_too_many_items_are_refused()
    {
        var name = UniqueName("batch-refused");
        await Http.RegisterOk(Cat(name));

        using (var malformed = await Http.StartBatch(name, "[\"a\", "))
            await malformed.AssertProblem(HttpStatusCode.BadRequest);
        using (var unknown = await Http.StartBatch(UniqueName("nobody"), "[\"a\"]"))
            await unknown.AssertProblem(HttpStatusCode.NotFound);
        using (var callback = await Http.StartBatch(name, "[\"a\"]", query: "?callbackUrl=ftp://example.org/x"))
            Assert.NotNull((await callback.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["callbackUrl"]);
        using (var tooMany = await Http.StartBatch(name, string.Join('\n', Enumerable.Repeat("\"x\"", 10_001)), "application/x-ndjson"))
            Assert.Equal(10_000, (await tooMany.AssertProblem(HttpStatusCode.RequestEntityTooLarge))["maxItems"]!.GetValue<int>());
        using (var missing = await Http.GetAsync($"/v1/batches/{Guid.NewGuid()}"))
            await missing.AssertProblem(HttpStatusCode.NotFound);
        using (var badLimit = await Http.GetAsync($"/v1/batches/{Guid.NewGuid()}?limit=1001"))
            await badLimit.AssertProblem(HttpStatusCode.BadRequest);
    }
}
