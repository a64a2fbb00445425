using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Monitoring;

/// <summary>What ships in <c>deploy/prometheus/</c> and <c>deploy/grafana/</c> is valid for Prometheus and queries metrics a silo really serves.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed partial class PrometheusConfigTests(EmbeddedPlatformFixture platform)
{
    /// <summary>
    /// Metrics the exporter serves only once their event happened, which one invocation of a process does not bring
    /// about: a refusal needs a full queue (<see cref="QueueLimitHttpTests"/> checks its series); a prediction error a
    /// run placed by a prediction, a container acquisition a container, and an ended benchmark job a benchmark, all of
    /// which <see cref="LivePrometheusTests"/> brings about and finds through Prometheus.
    /// </summary>
    private static readonly HashSet<string> AfterTheirEvent =
        ["faas_worker_refused_total", "faas_prediction_mape", "faas_containers_acquired_total", "faas_benchmarks_total"];

    [Theory]
    [InlineData("check", "config", "prometheus/prometheus.yml")]
    [InlineData("check", "rules", "prometheus/rules/orleans-faas.rules.yml")]
    [InlineData("test", "rules", "prometheus/tests/orleans-faas.rules.test.yml")]
    public async Task Promtool_accepts_the_shipped_files(string command, string kind, string file)
    {
        var run = await Promtool(command, kind, Path.Combine(MonitoringFiles.Deploy, file));

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Promtool_parses_every_query_of_the_dashboard()
    {
        var queries = MonitoringFiles.DashboardQueries();
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
        var queried = PlatformMetric().Matches(await File.ReadAllTextAsync(MonitoringFiles.RulesFile) + await File.ReadAllTextAsync(MonitoringFiles.DashboardFile))
            .Select(m => m.Value).ToHashSet();

        Assert.NotEmpty(queried);
        Assert.Empty(queried.Except(served).Except(AfterTheirEvent));
    }

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
