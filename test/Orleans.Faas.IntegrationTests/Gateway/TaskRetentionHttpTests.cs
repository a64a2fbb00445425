using System.Net;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>An embedded silo with a retention of seconds: a finished task answers, then, once expired, is a 404 like an unknown one.</summary>
public sealed class TaskRetentionHttpTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(2);

    private FaasProcess? _silo;

    private HttpClient Http => _silo!.Http;

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For("retention-node"), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Faas__Scheduling__AutoBenchmark"] = "false",
            ["Faas__Tasks__Retention"] = Retention.ToString(),
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }

    [Fact]
    public async Task A_finished_task_its_result_and_its_logs_answer_until_the_retention_passed_then_are_404()
    {
        var name = UniqueName("kept");
        await Http.RegisterOk(Cat(name));
        using var accepted = await Http.InvokeAsync(name, "for a while");
        var taskId = (await accepted.Json())["taskId"]!.GetValue<string>();

        var task = await Http.WaitForTask(taskId);
        using var result = await Http.GetAsync($"/v1/tasks/{taskId}/result");
        using var logs = await Http.GetAsync($"/v1/tasks/{taskId}/logs");

        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("for a while", await result.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, logs.StatusCode);

        var finishedAt = task["finishedAt"]!.GetValue<DateTimeOffset>();
        var gone = await WaitUntilNotFound($"/v1/tasks/{taskId}");
        Assert.True(gone - finishedAt >= Retention, $"Gone {gone - finishedAt} after it finished.");
        foreach (var path in new[] { $"/v1/tasks/{taskId}/result", $"/v1/tasks/{taskId}/logs", $"/v1/tasks/{taskId}?waitSeconds=1" })
        {
            using var response = await Http.GetAsync(path);
            await response.AssertProblem(HttpStatusCode.NotFound);
        }
    }

    /// <returns>When the path first answered 404.</returns>
    private async Task<DateTimeOffset> WaitUntilNotFound(string path)
    {
        await Poll.UntilAsync(
            async () =>
            {
                var answer = await HttpAnswer.Of(Http.GetAsync(path));
                Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, answer.ToString());
                return answer;
            },
            answer => answer.Status == HttpStatusCode.NotFound, Patience, $"{path} to answer 404");
        return DateTimeOffset.UtcNow;
    }
}
