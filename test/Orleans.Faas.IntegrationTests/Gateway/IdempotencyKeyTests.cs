using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Retrying an invocation with its Idempotency-Key gives back its task instead of running the input again.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class IdempotencyKeyTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task The_same_key_answers_with_the_same_task_which_ran_once_and_another_key_makes_another_task()
    {
        var name = UniqueName("idem");
        await Http.RegisterOk(Cat(name));
        var key = Guid.NewGuid().ToString();

        var first = await Invoke(name, "once", key);
        var retried = await Invoke(name, "once", key);
        using var synchronous = await Send(name, "invoke", "once", key);
        var other = await Invoke(name, "twice", Guid.NewGuid().ToString());
        await Http.WaitForTask(first);
        await Http.WaitForTask(other);

        Assert.Equal(first, retried);
        Assert.Equal(HttpStatusCode.OK, synchronous.StatusCode);
        Assert.Equal(first, synchronous.Headers.GetValues("X-Faas-Task-Id").Single());
        Assert.Equal("once", await synchronous.Content.ReadAsStringAsync());
        Assert.NotEqual(first, other);
        var runs = await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}");
        Assert.Equal(2, runs!.Count);
    }

    [Fact]
    public async Task A_key_that_is_too_long_or_not_printable_is_a_validation_problem_and_runs_nothing()
    {
        var name = UniqueName("idem-bad");
        await Http.RegisterOk(Cat(name));

        foreach (var key in new[] { new string('k', 256), "tab\tkey" })
        {
            using var response = await Send(name, "invocations", "x", key);
            var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
            Assert.Contains("Idempotency-Key", problem["errors"]!.AsObject().Select(e => e.Key));
        }
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!);
    }

    [Fact]
    public async Task The_same_key_with_another_input_is_refused_with_422_and_runs_nothing_more()
    {
        var name = UniqueName("idem-other");
        await Http.RegisterOk(Cat(name));
        var key = Guid.NewGuid().ToString();
        var first = await Invoke(name, "first", key);
        await Http.WaitForTask(first);

        using var response = await Send(name, "invocations", "second", key);

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("another request", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single((await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!);
    }

    [Fact]
    public async Task A_batch_sent_again_with_its_key_answers_with_the_same_batch_and_runs_each_item_once()
    {
        var name = UniqueName("idem-batch");
        await Http.RegisterOk(Cat(name));
        var key = Guid.NewGuid().ToString();

        var first = await StartBatch(name, """["a","b","c"]""", key);
        var retried = await StartBatch(name, """["a","b","c"]""", key);
        using var other = await SendBatch(name, """["a","b"]""", key);

        Assert.Equal(first, retried);
        await other.AssertProblem(HttpStatusCode.UnprocessableEntity);
        var batch = await Http.GetFromJsonAsync<JsonObject>($"/v1/batches/{first}?waitSeconds=20");
        Assert.True(batch!["finished"]!.GetValue<bool>());
        Assert.Equal(3, (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!.Count);
    }

    private async Task<string> StartBatch(string function, string items, string key)
    {
        using var response = await SendBatch(function, items, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        return (await response.Json())["batchId"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> SendBatch(string function, string items, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/functions/{function}/batches")
        {
            Content = new StringContent(items, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Http.SendAsync(request);
    }

    private async Task<string> Invoke(string function, string input, string key)
    {
        using var response = await Send(function, "invocations", input, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        return (await response.Json())["taskId"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> Send(string function, string verb, string input, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/functions/{function}/{verb}") { Content = new StringContent(input) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Http.SendAsync(request);
    }
}
