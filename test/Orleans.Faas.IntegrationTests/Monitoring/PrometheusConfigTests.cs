using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Monitoring;

/// <summary>What ships in <c>deploy/prometheus/</c> and <c>deploy/grafana/</c> is valid for Prometheus and queries metrics a silo really serves.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed partial class PrometheusConfigTests(EmbeddedPlatformFixture platform)
{
    private static readonly string Deploy = Path.Combine(Checkout.Root, "deploy");

    private static readonly string RulesFile = Path.Combine(Deploy, "prometheus", "rules", "orleans-faas.rules.yml");

    private static readonly string DashboardFile = Path.Combine(Deploy, "grafana", "orleans-faas.json");

    /// <summary>What Grafana puts in place of the dashboard's variables, so that its queries are plain PromQL.</summary>
    private static readonly Dictionary<string, string> GrafanaVariables = new() { ["$__rate_interval"] = "1m", ["$function"] = ".*" };

    /// <summary>
    /// Metrics the exporter serves only once their event happened, which one invocation does not bring about:
    /// a refusal needs a full queue (<see cref="QueueLimitHttpTests"/> checks its series), a prediction error a run
    /// placed by a prediction.
    /// </summary>
    private static readonly HashSet<string> AfterTheirEvent = ["faas_worker_refused_total", "faas_prediction_mape"];

    [Theory]
    [InlineData("check", "config", "prometheus/prometheus.yml")]
    [InlineData("check", "rules", "prometheus/rules/orleans-faas.rules.yml")]
    [InlineData("test", "rules", "prometheus/tests/orleans-faas.rules.test.yml")]
    public async Task Promtool_accepts_the_shipped_files(string command, string kind, string file)
    {
        var run = await Promtool(command, kind, Path.Combine(Deploy, file));

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Promtool_parses_every_query_of_the_dashboard()
    {
        var queries = DashboardQueries().Select(q => GrafanaVariables.Aggregate(q, (query, v) => query.Replace(v.Key, v.Value))).ToList();
        // promtool parses PromQL in rule files alone: each query becomes a recording rule.
        var rules = new { groups = new[] { new { name = "dashboard", rules = queries.Select((q, i) => new { record = $"dashboard_query_{i}", expr = q }) } } };
        var file = Path.Combine(TestEnvironment.WorkFolder, $"dashboard-{Guid.NewGuid():N}.rules.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(rules));

        var run = await Promtool("check", "rules", file);

        Assert.True(queries.Count >= 8, $"{queries.Count} queries");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Every_metric_the_rules_and_the_dashboard_query_is_served_by_a_silo_after_one_invocation()
    {
        var name = UniqueName("scraped");
        await platform.Http.RegisterOk(Cat(name));
        using (var response = await platform.Http.InvokeSync(name, "x"))
            Assert.True(response.IsSuccessStatusCode, await Describe(response));

        var served = SeriesName().Matches(await platform.Http.GetStringAsync("/metrics")).Select(m => m.Groups[1].Value).ToHashSet();
        var queried = PlatformMetric().Matches(await File.ReadAllTextAsync(RulesFile) + await File.ReadAllTextAsync(DashboardFile))
            .Select(m => m.Value).ToHashSet();

        Assert.NotEmpty(queried);
        Assert.Empty(queried.Except(served).Except(AfterTheirEvent));
    }

    /// <summary>The queries of every panel of the dashboard.</summary>
    private static IEnumerable<string> DashboardQueries() =>
        JsonNode.Parse(File.ReadAllText(DashboardFile))!["panels"]!.AsArray()
            .SelectMany(panel => panel!["targets"]!.AsArray())
            .Select(target => target!["expr"]!.GetValue<string>());

    private static async Task<ProgramRun> Promtool(params string[] args)
    {
        try
        {
            return await Programs.Run("promtool", args);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("promtool is not installed (Debian package prometheus; scripts/test.sh installs it).", e);
        }
    }

    /// <summary>The name of each sample line of Prometheus text.</summary>
    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", RegexOptions.Multiline)]
    private static partial Regex SeriesName();

    /// <summary>A metric of the platform's own meters, Orleans' or ASP.NET Core's, as a query names it; <c>up</c> is Prometheus' own.</summary>
    [GeneratedRegex(@"\b(?:faas|orleans|http|kestrel)_[a-z0-9_]+\b")]
    private static partial Regex PlatformMetric();
}
