using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Faas.Batches;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.History;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;
using Orleans.Faas.Workers;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>
/// Two in-process silos, one slot each, and a scripted runner; each silo is a provider. Grain state lives in a
/// store all silos share and that survives any one of them, as PostgreSQL does for a real cluster.
/// </summary>
public class FaasClusterFixture : IAsyncLifetime
{
    public const int SlotsPerSilo = 1;

    /// <summary>Short, so that a watchdog test sees a few periods of a one-second function in seconds.</summary>
    public static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(1);

    /// <summary>Small, so that a test reaches a fan-out's limits, or a batch page's, with a few dozen items.</summary>
    public const int MaxFanOutItems = 50, MaxJoinedOutputBytes = 4096, MaxPageBytes = 4096;

    /// <summary>Released once per blocked run; shared by both silos.</summary>
    public SemaphoreSlim Gate { get; } = new(0);

    /// <summary>How often each silo looks for a new current model: short, so that a test sees every silo take one up.</summary>
    public static readonly TimeSpan ModelRefresh = TimeSpan.FromSeconds(1);

    public InProcessTestCluster Cluster { get; }

    /// <summary>The model store every silo reads, as they all read PostgreSQL in a real cluster.</summary>
    public InMemoryModelStore Models { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The grain state all silos share; a test may make its writes fail for a while.</summary>
    public SurvivingMemoryStorage.Rows Storage { get; } = new();

    /// <summary>Faults a test puts into the calls the silos make.</summary>
    public CallFaults Faults { get; } = new();

    public IReadOnlyList<string> ProviderIds => [.. Cluster.Silos.Select(s => s.Name)];

    public FaasClusterFixture()
        : this(_ => { })
    {
    }

    /// <param name="configure">For a fixture of its own: more settings for every silo, after the shared ones.</param>
    protected FaasClusterFixture(Action<ISiloBuilder> configure)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        var rows = Storage;
        var faults = Faults;
        builder.ConfigureSilo((options, silo) =>
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(FaasStorage.Name, (services, _) =>
                new SurvivingMemoryStorage(rows, services.GetRequiredService<DeepCopier>()));
            // What the storage throws while it is away travels between silos, as the database client's exceptions do
            // (a cluster-mode silo lets Npgsql's through the same way): its type is known, and Orleans' exception
            // codec takes it. Without the codec, an activation failure sent back to a caller on the other silo fails.
            silo.Services.AddSerializer(serializer => serializer.Configure(types => types.AddAllowedType(typeof(DatabaseAwayException))));
            silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedExceptionTypeFilter = type => type == typeof(DatabaseAwayException));
            silo.UseInMemoryReminderService();
            silo.AddOutgoingGrainCallFilter(faults);
            silo.Services.AddSingleton<IExecutionHistory>(new ForgetfulHistory(new InMemoryExecutionHistory(Options.Create(new HistoryOptions()))));
            silo.AddFaasGrains();
            silo.Services.Configure<WorkerOptions>(w => w.Slots = SlotsPerSilo);
            silo.Services.Configure<TaskOptions>(t => t.WatchdogGrace = WatchdogGrace);
            silo.Services.Configure<ChainOptions>(c => (c.MaxFanOutItems, c.MaxJoinedOutputBytes) = (MaxFanOutItems, MaxJoinedOutputBytes));
            silo.Services.Configure<BatchOptions>(b => b.MaxPageBytes = MaxPageBytes);
            // The tests' callback receivers listen on loopback, where callbacks go only when the operator allows it.
            silo.Services.Configure<CallbackOptions>(c => c.AllowedNetworks = ["127.0.0.0/8"]);
            // No silo program to train in here; the training tests train in-process and on request.
            silo.Services.Configure<ModelOptions>(m => (m.OutOfProcess, m.AutoTrain, m.RefreshInterval) = (false, false, ModelRefresh));
            silo.Services.AddSingleton<IModelStore>(Models);
            silo.Services.AddSingleton<IFunctionRunner>(new ScriptedRunner(options.SiloName, Gate));
            configure(silo);
        });
        Cluster = builder.Build();
    }

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        foreach (var silo in Cluster.Silos)
        {
            var facts = new NodeFacts(silo.Name, 2, 1L << 30, "test cpu", 1L << 20);
            await Grains.GetGrain<IProviderGrain>(silo.Name)
                .Register(new ProviderRegistration(facts, [FunctionRuntime.Process], SlotsPerSilo, silo.SiloAddress.ToString()));
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public static FunctionDefinition Script(string name, string script, double timeoutSeconds = 30) => new(
        name,
        FunctionRuntime.Process,
        Image: null,
        [script],
        ImmutableDictionary<string, string>.Empty,
        Cpu: 0,
        MemoryMiB: 0,
        TimeSpan.FromSeconds(timeoutSeconds));
}

[CollectionDefinition(Name)]
public sealed class FaasClusterCollection : ICollectionFixture<FaasClusterFixture>
{
    public const string Name = "faas cluster";
}
