using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Bad benchmark and profile requests get clear problems and change nothing.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class BenchmarkRequestTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Theory]
    [InlineData("""{"kind": "workload", "function": "x", "inputSizes": [1], "repetitions": 0}""", "repetitions")]
    [InlineData("""{"kind": "workload", "inputSizes": [1]}""", "function")]
    [InlineData("""{"kind": "providers", "function": "x"}""", "kind")]
    [InlineData("""{"function": "x"}""", "kind")]
    [InlineData("""{"kind": "workload", "function": "x", "inputSizes": [1], "callbackUrl": "not a url"}""", "callbackUrl")]
    [InlineData("""{"kind": "profile", "function": "x", "inputSizes": [1], "samples": {"abc": "y"}}""", "samples")]
    public async Task An_invalid_request_names_the_field_and_starts_nothing(string body, string field)
    {
        var before = await Http.GetStringAsync("/v1/benchmarks");

        using var response = await Http.PostAsync("/v1/benchmarks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(before, await Http.GetStringAsync("/v1/benchmarks"));
    }

    [Fact]
    public async Task Unknown_jobs_functions_and_profiles_are_404_and_bad_fields_400()
    {
        await (await Http.GetAsync($"/v1/benchmarks/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.PostAsync($"/v1/benchmarks/{Guid.NewGuid()}/cancel", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.GetAsync("/v1/functions/nobody-home/profile")).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.PostAsJsonAsync("/v1/functions/nobody-home/profile", new { inputSizes = new[] { 1 } })).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.PostAsJsonAsync("/v1/functions/nobody-home/profile", new { inputSizes = new[] { 1 }, bogus = 1 })).AssertProblem(HttpStatusCode.BadRequest);

        var name = UniqueName("unprofiled");
        await Http.RegisterOk(Hello(name));
        var noProfile = await (await Http.GetAsync($"/v1/functions/{name}/profile?inputSize=10")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal("No profile yet.", noProfile["title"]!.GetValue<string>());
        await (await Http.GetAsync($"/v1/functions/{name}/profile?inputSize=-1")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/profile"))!["points"]!.AsArray());
    }
}
