using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Chains;

/// <summary>Chains over real HTTP on the embedded silo, with process functions.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ChainRunTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_three_step_chain_feeds_each_output_to_the_next_step_and_shows_every_step()
    {
        var (upper, reverse, quote) = (UniqueName("upper"), UniqueName("rev"), UniqueName("quote"));
        await Http.RegisterOk(ChainHttp.Process(upper, "/usr/bin/tr", "a-z", "A-Z"));
        await Http.RegisterOk(ChainHttp.Process(reverse, "/usr/bin/rev"));
        await Http.RegisterOk(ChainHttp.Process(quote, "/bin/sed", "s/^/> /"));
        var chain = UniqueName("shout");
        await Http.DefineOk(chain, upper, reverse, quote);

        var id = await Http.StartRun(chain, "hello chains");
        var run = await Http.WaitForRun(chain, id);

        Assert.Equal("COMPLETED", run.Text("status"));
        Assert.Equal("> SNIAHC OLLEH", run.Text("output"));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("> SNIAHC OLLEH")), run.Text("outputBase64"));
        Assert.Equal(1, run["chainVersion"]!.GetValue<int>());
        var steps = run.Steps();
        Assert.Equal([upper, reverse, quote], steps.Select(s => s.Text("function")));
        var outputs = new List<string>();
        foreach (var step in steps)
        {
            Assert.Equal("COMPLETED", step.Text("status"));
            Assert.Equal(1, step!["functionVersion"]!.GetValue<int>());
            Assert.NotNull(step["startedAt"]);
            Assert.NotNull(step["finishedAt"]);
            var task = await Http.WaitForTask(step.Text("taskId"));
            Assert.Equal(step.Text("function"), task.Text("function"));
            outputs.Add(await (await Http.GetAsync($"/v1/tasks/{step.Text("taskId")}/result")).Content.ReadAsStringAsync());
        }
        Assert.Equal(["HELLO CHAINS", "SNIAHC OLLEH", "> SNIAHC OLLEH"], outputs);
    }

    [Fact]
    public async Task A_failing_middle_step_stops_the_run_and_names_the_step_and_its_task()
    {
        var (upper, broken, never) = (UniqueName("upper"), UniqueName("broken"), UniqueName("never"));
        await Http.RegisterOk(ChainHttp.Process(upper, "/usr/bin/tr", "a-z", "A-Z"));
        await Http.RegisterOk(ChainHttp.Process(broken, "/bin/sh", "-c", "echo no >&2; exit 3"));
        await Http.RegisterOk(ChainHttp.Process(never, "/bin/cat"));
        var chain = UniqueName("breaks");
        await Http.DefineOk(chain, upper, broken, never);

        var run = await Http.WaitForRun(chain, await Http.StartRun(chain, "x"));

        Assert.Equal("FAILED", run.Text("status"));
        Assert.Equal(1, run["failedStep"]!.GetValue<int>());
        var steps = run.Steps();
        var failed = steps[1]!;
        Assert.Equal("FAILED", failed.Text("status"));
        Assert.Contains(broken, run.Text("error"));
        Assert.Contains(failed.Text("taskId"), run.Text("error"));
        Assert.Equal("FAILED", (await Http.WaitForTask(failed.Text("taskId"))).Text("status"));
        Assert.Equal("COMPLETED", steps[0].Text("status"));
        Assert.Equal("PENDING", steps[2].Text("status"));
        Assert.Null(steps[2]!["taskId"]);
        Assert.Null(run["output"]);
    }

    [Fact]
    public async Task Chains_are_versioned_listed_read_and_deleted_like_functions()
    {
        var chain = UniqueName("versions");
        var body = new { name = chain, steps = new object[] { "fn-a", new { function = "fn-b", fanOut = "lines" } } };
        using (var created = await Http.PostAsJsonAsync("/v1/chains", body))
            Assert.True(created.StatusCode == HttpStatusCode.Created, await Describe(created));
        using (var same = await Http.PostAsJsonAsync("/v1/chains", body))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.Equal(1, (await same.Json())["version"]!.GetValue<int>());
        }
        using (var changed = await Http.PostAsJsonAsync("/v1/chains", new { name = chain, steps = new[] { "fn-a" } }))
            Assert.Equal(2, (await changed.Json())["version"]!.GetValue<int>());

        var read = (await Http.GetFromJsonAsync<JsonObject>($"/v1/chains/{chain}"))!;
        Assert.Equal("fn-a", read.Steps().Single().Text("function"));
        Assert.Contains((await Http.GetFromJsonAsync<JsonArray>("/v1/chains"))!, c => c.Text("name") == chain);

        using (var deleted = await Http.DeleteAsync($"/v1/chains/{chain}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await Http.GetAsync($"/v1/chains/{chain}"))
            await gone.AssertProblem(HttpStatusCode.NotFound);
        using (var noRun = await Http.PostAsync($"/v1/chains/{chain}/runs", new StringContent("x")))
            await noRun.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"name": "Bad_Name", "steps": ["fn-a"]}""", "name")]
    [InlineData("""{"name": "no-steps", "steps": []}""", "steps")]
    [InlineData("""{"name": "no-steps"}""", "steps")]
    [InlineData("""{"name": "bad-step", "steps": ["fn-a", "Not A Function"]}""", "steps[1].function")]
    [InlineData("""{"name": "bad-step", "steps": [{"fanOut": "lines"}]}""", "steps[0].function")]
    [InlineData("""{"name": "bad-fan", "steps": [{"function": "fn-a", "fanOut": "words"}]}""", "steps[0].fanOut")]
    [InlineData("""{"name": "bad-fan", "steps": [{"function": "fn-a", "fanOut": "Lines"}]}""", "steps[0].fanOut")]
    public async Task A_bad_definition_is_a_validation_problem_naming_the_field(string body, string field)
    {
        using var response = await Http.PostAsync("/v1/chains", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task A_run_is_refused_with_404_while_a_step_names_no_registered_function_and_an_unknown_run_is_404()
    {
        var chain = UniqueName("missing");
        var function = UniqueName("nobody");
        await Http.DefineOk(chain, function);

        using var refused = await Http.PostAsync($"/v1/chains/{chain}/runs", new StringContent("x"));
        Assert.Contains(function, (await refused.AssertProblem(HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
        using var unknown = await Http.GetAsync($"/v1/chains/{chain}/runs/{Guid.NewGuid()}");
        await unknown.AssertProblem(HttpStatusCode.NotFound);
        using var tooLong = await Http.GetAsync($"/v1/chains/{chain}/runs/{Guid.NewGuid()}?waitSeconds=21");
        await tooLong.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_fan_out_step_runs_one_task_per_line_and_joins_the_outputs_in_input_order()
    {
        var (upper, reverse) = (UniqueName("upper"), UniqueName("rev"));
        await Http.RegisterOk(ChainHttp.Process(upper, "/usr/bin/tr", "a-z", "A-Z"));
        await Http.RegisterOk(ChainHttp.Process(reverse, "/usr/bin/rev"));
        var chain = UniqueName("fan");
        await Http.DefineOk(chain, new { function = upper, fanOut = "lines" }, reverse);

        var run = await Http.WaitForRun(chain, await Http.StartRun(chain, "ab\ncd\nef"));

        Assert.Equal("COMPLETED", run.Text("status"));
        Assert.Equal("BA\nDC\nFE\n", run.Text("output"));
        Assert.NotNull(run.Steps()[0]!["batchId"]);
    }
}
