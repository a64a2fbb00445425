using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Monitoring;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c>) on a private loopback port with its own data folder, scraping the
/// given targets as job <c>orleans-faas</c> every <see cref="Interval"/> and evaluating the given rule files as often;
/// its output goes to a log file. Killed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    /// <summary>Scrapes and rule evaluations, far more often than an operator's 15 s, so that a test need not wait.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly LocalServer _server;

    public string LogPath { get; }

    public HttpClient Http { get; }

    private PrometheusServer(string configFile, string folder, int port)
    {
        LogPath = Path.Combine(folder, "prometheus.log");
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _server = new LocalServer("prometheus",
            [$"--config.file={configFile}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}"],
            LogPath, IsReady);
    }

    /// <param name="targets">The <c>/metrics</c> endpoints, as the host:port Prometheus labels each <c>instance</c> with.</param>
    public static async Task<PrometheusServer> Start(IEnumerable<string> targets, params string[] ruleFiles)
    {
        var port = FreePorts.Next();
        var folder = Path.Combine(TestEnvironment.WorkFolder, $"prometheus-{port}");
        Directory.CreateDirectory(folder);
        var interval = $"{Interval.TotalSeconds:0}s";
        var config = new
        {
            global = new { scrape_interval = interval, scrape_timeout = interval, evaluation_interval = interval },
            rule_files = ruleFiles,
            scrape_configs = new[] { new { job_name = "orleans-faas", metrics_path = "/metrics", static_configs = new[] { new { targets } } } },
        };
        // JSON is YAML, which Prometheus reads its configuration as.
        var configFile = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(config));

        var server = new PrometheusServer(configFile, folder, port);
        await server._server.Start();
        return server;
    }

    /// <summary>The result of an instant query: one element per series.</summary>
    public async Task<JsonArray> Query(string promql) =>
        (await Data($"/api/v1/query?query={Uri.EscapeDataString(promql)}"))["result"]!.AsArray();

    /// <summary>The rules Prometheus loaded, every group's together.</summary>
    public async Task<IReadOnlyList<JsonObject>> Rules() =>
        [.. (await Data("/api/v1/rules"))["groups"]!.AsArray().SelectMany(group => group!["rules"]!.AsArray()).Select(rule => rule!.AsObject())];

    /// <summary>The alerts pending or firing now.</summary>
    public async Task<IReadOnlyList<JsonObject>> Alerts() =>
        [.. (await Data("/api/v1/alerts"))["alerts"]!.AsArray().Select(alert => alert!.AsObject())];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<JsonNode> Data(string path)
    {
        var answer = (await Http.GetFromJsonAsync<JsonObject>(path))!;
        return answer["status"]!.GetValue<string>() == "success" ? answer["data"]! : throw new InvalidOperationException($"{path}: {answer.ToJsonString()}");
    }

    private async Task<bool> IsReady()
    {
        using var response = await Http.GetAsync("/-/ready");
        return response.IsSuccessStatusCode;
    }
}
