using System.Text.Json.Nodes;

namespace Orleans.Faas.IntegrationTests.Monitoring;

/// <summary>The Prometheus and Grafana files the repository ships in <c>deploy/</c>.</summary>
internal static class MonitoringFiles
{
    public static readonly string Deploy = Path.Combine(Checkout.Root, "deploy");

    public static readonly string RulesFile = Path.Combine(Deploy, "prometheus", "rules", "orleans-faas.rules.yml");

    public static readonly string DashboardFile = Path.Combine(Deploy, "grafana", "orleans-faas.json");

    /// <summary>What Grafana puts in place of the dashboard's variables, so that its queries are plain PromQL.</summary>
    private static readonly Dictionary<string, string> GrafanaVariables = new() { ["$__rate_interval"] = "1m", ["$function"] = ".*" };

    /// <summary>The queries of every panel of the dashboard, as Grafana sends them with every function selected.</summary>
    public static IReadOnlyList<string> DashboardQueries() =>
        [.. JsonNode.Parse(File.ReadAllText(DashboardFile))!["panels"]!.AsArray()
            .SelectMany(panel => panel!["targets"]!.AsArray())
            .Select(target => GrafanaVariables.Aggregate(target!["expr"]!.GetValue<string>(), (query, v) => query.Replace(v.Key, v.Value)))];
}
