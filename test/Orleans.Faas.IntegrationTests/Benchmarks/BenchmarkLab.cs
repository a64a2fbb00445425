using System.Diagnostics;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Benchmarks;

/// <summary>
/// Three cluster silos on the test dockerd, capped at 1.0, 0.5 and 0.25 cores (Faas:Docker:CpuCap), node-a the
/// reference; ready once the platform has benchmarked all three by itself as they joined.
/// </summary>
public sealed class BenchmarkLab : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, double> Caps = new Dictionary<string, double> { ["node-a"] = 1.0, ["node-b"] = 0.5, ["node-c"] = 0.25 };

    private LabCluster? _cluster;

    public LabCluster Cluster => _cluster ?? throw new InvalidOperationException("The lab has not started.");

    public HttpClient Http => Cluster.Gateway!.Http;

    public DockerClient Docker { get; } = new DockerClientConfiguration(new Uri(TestEnvironment.DockerEndpoint)).CreateClient();

    /// <summary>The providers as they were once every one had scores from the benchmarks started when they joined.</summary>
    public JsonArray ScoredAtJoin { get; private set; } = [];

    /// <summary>From the silos' start to every provider having scores.</summary>
    public TimeSpan JoinToScores { get; private set; }

    public async Task InitializeAsync()
    {
        _cluster = await LabCluster.Create();
        var clock = Stopwatch.StartNew();
        await Cluster.Start(Caps.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Faas__Docker__CpuCap"] = c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Faas__Scheduling__ReferenceProvider"] = "node-a",
            // Scores are CPU timings: no model training beside them (the placement test here predicts with the linear model).
            ["Faas__Models__AutoTrain"] = "false",
        }));
        ScoredAtJoin = await Poll.UntilAsync(
            Http.Providers, providers => providers.Count == Caps.Count && providers.All(p => p!["scores"] is JsonObject), BenchmarkHttp.JobPatience,
            "every provider to be scored after joining", 2 * BenchmarkHttp.JobPoll);
        JoinToScores = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        Docker.Dispose();
    }
}

/// <summary>Runs alone: scores are CPU timings, which other tests' load on this host would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkLabCollection : ICollectionFixture<BenchmarkLab>
{
    public const string Name = "benchmark lab";
}
