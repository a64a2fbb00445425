using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Dashboard;

/// <summary>GET /v1/tasks, which the dashboard's Tasks page reads: what the worker holds now, then the history.</summary>
[Collection(DashboardCollection.Name)]
public sealed class TaskListHttpTests(DashboardFixture dashboard)
{
    private HttpClient Http => dashboard.Admin;

    [Fact]
    public async Task A_running_task_is_listed_as_running_on_its_provider_and_a_finished_one_as_completed()
    {
        var (sleeper, taskId) = await dashboard.StartSleeper();
        try
        {
            var running = await Poll.UntilAsync(
                () => List($"?status=RUNNING&function={sleeper}"), tasks => tasks.Count == 1, Patience, "the sleeper to be listed as running");

            Assert.Equal(taskId, running[0]!["id"]!.GetValue<string>());
            Assert.Equal(dashboard.Silo.Name, running[0]!["provider"]!.GetValue<string>());
            Assert.Equal($"/v1/tasks/{taskId}", running[0]!["url"]!.GetValue<string>());
            Assert.Empty(await List($"?status=COMPLETED&function={sleeper}"));
            Assert.DoesNotContain(await List($"?function={dashboard.Function}"), t => t!["id"]!.GetValue<string>() == taskId);
            var finished = await List($"?status=completed&function={dashboard.Function}&limit=2");
            Assert.Equal(2, finished.Count);
            Assert.All(finished, t => Assert.Equal("COMPLETED", t!["status"]!.GetValue<string>()));
            Assert.Contains(await List($"?provider={dashboard.Silo.Name}"), t => t!["id"]!.GetValue<string>() == taskId);
            Assert.DoesNotContain(await List("?provider=nobody-home"), t => t!["id"]!.GetValue<string>() == taskId);
        }
        finally
        {
            (await Http.PostAsync($"/v1/tasks/{taskId}/cancel", null)).Dispose();
        }
    }

    [Theory]
    [InlineData("status=SLEEPING", "status")]
    [InlineData("status=1", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("function=%3Cx%3E", "function")]
    public async Task A_bad_query_value_is_a_problem_naming_its_parameter(string query, string parameter)
    {
        var problem = await (await Http.GetAsync($"/v1/tasks?{query}")).AssertProblem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![parameter]);
    }

    private async Task<JsonArray> List(string query) => (await Http.GetFromJsonAsync<JsonArray>($"/v1/tasks{query}"))!;
}
