using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>What survives the whole cluster stopping, Redis restarting, and what the schema step does twice.</summary>
public sealed class ClusterRestartTests
{
    [Fact]
    public async Task Functions_versions_task_statuses_and_results_survive_a_full_restart()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["node-1", "node-2"]);
        var http = cluster.Gateway!.Http;
        var echo = UniqueName("echo");
        var failing = UniqueName("failing");
        await http.RegisterOk(Cat(echo));
        await http.RegisterOk(new { name = echo, runtime = "process", command = new[] { "/bin/cat" }, timeoutSeconds = 20 });
        await http.RegisterOk(new { name = failing, runtime = "process", command = new[] { "/bin/sh", "-c", "echo broken >&2; exit 4" } });
        var completed = await http.InvokeAccepted(echo, "kept across restarts");
        var failed = await http.InvokeAccepted(failing, "");
        var before = await http.WaitForAll([completed, failed], Patience);
        await WaitUntilNoWatchdogIsLeft(cluster.Postgres);

        await cluster.StopAll();
        await cluster.Start(["node-1", "node-2"]);
        http = cluster.Gateway!.Http;

        var function = await http.GetFromJsonAsync<JsonObject>($"/v1/functions/{echo}");
        Assert.Equal(2, function!["version"]!.GetValue<int>());
        Assert.Equal(20, function["timeoutSeconds"]!.GetValue<double>());
        Assert.Equal(before[completed].ToJsonString(), (await http.TaskEventually(completed)).ToJsonString());
        Assert.Equal(before[failed].ToJsonString(), (await http.TaskEventually(failed)).ToJsonString());
        Assert.Equal("kept across restarts", await http.Result(completed));
        Assert.Equal("exit code", (await http.TaskEventually(failed))["failureReason"]!.GetValue<string>());

        using var again = await http.InvokeSync(echo, "after the restart");
        Assert.True(again.StatusCode == HttpStatusCode.OK, await Describe(again));
    }

    /// <summary>Each unfinished task has a watchdog reminder in PostgreSQL; finishing removes it.</summary>
    private static async Task WaitUntilNoWatchdogIsLeft(string postgres)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        // The benchmark slot keeps a reminder of its own for aged scores; only watchdogs count here.
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'watchdog'");
        await Poll.UntilAsync(async () => (long)(await count.ExecuteScalarAsync())!, left => left == 0, TimeSpan.FromSeconds(10), "no watchdog reminder to be left");
    }

    [Fact]
    public async Task The_cluster_recovers_from_a_Redis_restart_and_takes_another_gateway_and_serves_metrics()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["blip-1", "blip-2"]);
        var http = cluster.Gateway!.Http;
        var echo = UniqueName("echo");
        await http.RegisterOk(Cat(echo));
        using (var first = await http.InvokeSync(echo, "before"))
            Assert.True(first.StatusCode == HttpStatusCode.OK, await Describe(first));

        await cluster.Redis.Restart();

        var after = await Poll.UntilAsync(
            () => HttpAnswer.Of(http.InvokeSync(echo, "after")), answer => answer.IsSuccess, Patience, "an invocation to succeed after Redis restarted");
        Assert.Equal((HttpStatusCode.OK, "after"), (after.Status, after.Body));
        var providers = await http.GetFromJsonAsync<JsonArray>("/v1/providers");
        Assert.All(providers!, p => Assert.Equal("READY", p!["status"]!.GetValue<string>()));

        var second = await cluster.StartGateway();
        using (var viaSecond = await second.Http.InvokeSync(echo, "second gateway"))
            Assert.Equal("second gateway", await viaSecond.Content.ReadAsStringAsync());

        var siloMetrics = await cluster.Silos[0].Http.GetStringAsync("/metrics") + await cluster.Silos[1].Http.GetStringAsync("/metrics");
        Assert.Matches($"faas_tasks_total\\{{[^}}]*function=\"{echo}\"[^}}]*status=\"COMPLETED\"", siloMetrics);
        Assert.Contains("faas_invocation_duration_seconds_bucket", siloMetrics);
        Assert.Contains("faas_worker_running", siloMetrics);
        Assert.Contains("orleans_", siloMetrics);
        Assert.Contains("http_server_request_duration_seconds", await http.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task The_schema_step_runs_twice_in_a_row_without_error_and_says_so_once()
    {
        await using var database = await PostgresTestDatabase.Create();
        var settings = new Dictionary<string, string> { ["Faas__Postgres"] = database.ConnectionString };

        var first = await SiloCommand.Run("migrate", settings);
        var second = await SiloCommand.Run("migrate", settings);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Single(second.Output.Split('\n'), line => line.Contains("Schema of database", StringComparison.Ordinal));
        Assert.Contains("is up to date", second.Output);
        Assert.DoesNotContain("applied", second.Output);
    }

    [Fact]
    public async Task A_cluster_silo_without_redis_refuses_to_start_and_says_why()
    {
        var result = await SiloCommand.Run(verb: null, new Dictionary<string, string> { ["Faas__Mode"] = "Cluster" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Faas:Redis is required in Cluster mode", result.Output);
    }
}
