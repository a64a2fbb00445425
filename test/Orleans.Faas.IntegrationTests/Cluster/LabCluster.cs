using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>
/// A cluster-mode platform on this host as a lab operator runs one: its own Redis and PostgreSQL database, silo
/// processes on private ports (process runtime only), and a gateway process in front of them.
/// </summary>
public sealed class LabCluster : IAsyncDisposable
{
    private readonly List<FaasProcess> _silos = [];
    private readonly List<FaasProcess> _gateways = [];
    private readonly PostgresTestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _extraSettings;

    public RedisServer Redis { get; }

    public string Postgres => _database.ConnectionString;

    /// <summary>The first gateway; gateways are stateless, so any of them will do.</summary>
    public FaasProcess? Gateway => _gateways.FirstOrDefault();

    public IReadOnlyList<FaasProcess> Silos => _silos;

    private LabCluster(RedisServer redis, PostgresTestDatabase database, IReadOnlyDictionary<string, string>? extraSettings)
    {
        Redis = redis;
        _database = database;
        _extraSettings = extraSettings ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// A cluster on its own Redis and its own database, on the test script's PostgreSQL server unless another is named;
    /// <paramref name="settings"/> go to every process of it.
    /// </summary>
    public static async Task<LabCluster> Create(string? postgresServer = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(await RedisServer.Start(), await PostgresTestDatabase.Create(postgresServer), settings);

    /// <summary>What every process of this cluster is started with.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(_extraSettings)
    {
        ["Faas__Mode"] = "Cluster",
        ["Faas__Redis"] = Redis.Configuration,
        ["Faas__Postgres"] = Postgres,
        ["Faas__Silo__AdvertisedAddress"] = "127.0.0.1",
        ["Faas__Docker__Endpoint"] = $"unix://{TestEnvironment.WorkFolder}/no-docker.sock",
        // A cluster-mode silo offers the process runtime only when its operator says so.
        [ProcessEnabled] = "true",
    };

    public const string ProcessEnabled = "Faas__Process__Enabled";

    /// <summary>Starts silos named <paramref name="nodeNames"/> side by side, then one gateway.</summary>
    public Task Start(IEnumerable<string> nodeNames, IReadOnlyDictionary<string, string>? siloSettings = null) =>
        Start(nodeNames.ToDictionary(name => name, _ => siloSettings ?? new Dictionary<string, string>()));

    /// <summary>Starts one silo per node name, each with its own settings over the cluster's, side by side; then one gateway.</summary>
    public async Task Start(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> silos)
    {
        _silos.AddRange(await Task.WhenAll(silos.Select(silo =>
        {
            var settings = new Dictionary<string, string>(Settings);
            foreach (var (key, value) in silo.Value)
                settings[key] = value;
            return FaasProcess.StartSilo(SiloPorts.For(silo.Key), settings);
        })));
        await StartGateway();
    }

    public async Task<FaasProcess> StartGateway()
    {
        var gateway = await FaasProcess.StartGateway($"gateway-{_gateways.Count + 1}", Settings);
        _gateways.Add(gateway);
        return gateway;
    }

    /// <summary>Stops every process cleanly (SIGTERM), gateways first, as an operator shutting the cluster down.</summary>
    public async Task StopAll()
    {
        await Task.WhenAll(_gateways.Select(g => g.Stop()));
        await Task.WhenAll(_silos.Select(s => s.Stop()));
        await DisposeProcesses();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeProcesses();
        await Redis.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task DisposeProcesses()
    {
        foreach (var process in _gateways.Concat(_silos))
            await process.DisposeAsync();
        _gateways.Clear();
        _silos.Clear();
    }
}
