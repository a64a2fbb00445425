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
