using System.Net;
using System.Text.RegularExpressions;
using Orleans.Faas.IntegrationTests.Benchmarks;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Monitoring;

/// <summary>
/// A real Prometheus scrapes a real three-silo cluster, with the shipped alert rules, while a workload runs: what the
/// shipped dashboard and alerts query is there to be found.
/// </summary>
public sealed partial class LivePrometheusTests
{
    private static readonly string[] Nodes = ["prom-a", "prom-b", "prom-c"];

    /// <summary>Long enough for a few scrapes and rule evaluations after the workload, and for rates over a minute to have two samples.</summary>
    private static readonly TimeSpan QueryPatience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Every_dashboard_query_and_alert_expression_returns_data_and_a_killed_silo_raises_FaasSiloDown()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(Nodes, new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Faas__Scheduling__AutoBenchmark"] = "false",
            ["Faas__Scheduling__ReferenceProvider"] = Nodes[0],
            // One slot and one place in the queue per node, so that a burst fills the queues and is refused in part.
            ["Faas__Worker__Slots"] = "1",
            ["Faas__Worker__MaxQueued"] = "1",
        });
        await using var prometheus = await PrometheusServer.Start(cluster.Silos.Select(Instance), MonitoringFiles.RulesFile);

        await RunWorkload(cluster.Gateway!.Http);

        var queries = MonitoringFiles.DashboardQueries().Concat(await AlertSeries(prometheus)).ToList();
        var empty = await Poll.UntilAsync(
            async () => (await Task.WhenAll(queries.Select(async q => (Query: q, Result: await prometheus.Query(q))))).Where(q => q.Result.Count == 0).Select(q => q.Query).ToList(),
            stillEmpty => stillEmpty.Count == 0, QueryPatience, "every dashboard query and alert series to return data");
        Assert.Empty(empty);

        var victim = cluster.Silos[^1];
        await victim.Kill();
        await Poll.UntilAsync(
            prometheus.Alerts,
            alerts => alerts.Any(a => a["labels"]!["alertname"]!.GetValue<string>() == "FaasSiloDown"
                && a["labels"]!["instance"]!.GetValue<string>() == Instance(victim)
                && a["state"]!.GetValue<string>() is "pending" or "firing"),
            QueryPatience, $"FaasSiloDown for {victim.Name} to be pending or firing");
    }

    /// <summary>
    /// Invocations through the gateway of a container function (the first a cold start, the next warm), of a process
    /// that fails, and a burst of slow processes the full queues refuse in part; a profile benchmark job of the container
    /// function, after which its runs are placed by a prediction.
    /// </summary>
    private static async Task RunWorkload(HttpClient http)
    {
        var container = UniqueName("scraped");
        var failing = UniqueName("failing");
        var slow = UniqueName("slow");
        await http.RegisterOk(Hello(container));
        await http.RegisterOk(new { name = failing, runtime = "process", command = new[] { "/bin/false" } });
        await http.RegisterOk(new { name = slow, runtime = "process", command = new[] { "/bin/sleep", "3" } });

        await InvokeOk(http, container);
        await InvokeOk(http, container);
        using (var failed = await http.InvokeSync(failing, "x"))
            await failed.AssertProblem(HttpStatusCode.BadGateway);

        var job = await http.StartWhenFree(new { kind = "profile", function = container, inputSizes = new[] { 5 }, repetitions = 1 });
        Assert.Equal("FINISHED", (await http.WaitForBenchmark(job))["status"]!.GetValue<string>());
        for (var i = 0; i < 3; i++)
            await InvokeOk(http, container);

        var burst = await Task.WhenAll(Enumerable.Range(0, 3 * Nodes.Length).Select(async _ =>
        {
            using var response = await http.InvokeAsync(slow, "");
            return response.StatusCode;
        }));
        Assert.Contains(HttpStatusCode.TooManyRequests, burst);
    }

    private static async Task InvokeOk(HttpClient http, string function)
    {
        using var response = await http.InvokeSync(function, "hello");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
    }

    /// <summary>Each alert's expression as Prometheus loaded it, without the comparison that makes it fire: the series it watches.</summary>
    private static async Task<IEnumerable<string>> AlertSeries(PrometheusServer prometheus)
    {
        var alerts = (await prometheus.Rules()).Where(r => r["type"]!.GetValue<string>() == "alerting").ToList();
        Assert.True(alerts.Count >= 7, $"{alerts.Count} alert rules loaded; see {prometheus.LogPath}");
        return alerts.Select(alert =>
        {
            var comparison = Comparison().Match(alert["query"]!.GetValue<string>());
            Assert.True(comparison.Success, $"{alert["name"]}: {alert["query"]} does not end in a comparison");
            return comparison.Groups["series"].Value;
        });
    }

    /// <summary>The host:port Prometheus scrapes a silo at and labels its series with.</summary>
    private static string Instance(FaasProcess silo) => $"{silo.GatewayUrl.Host}:{silo.GatewayUrl.Port}";

    [GeneratedRegex(@"^(?<series>.+?)\s*(?:==|!=|>=|<=|>|<)\s*[0-9.]+\s*$", RegexOptions.Singleline)]
    private static partial Regex Comparison();
}
