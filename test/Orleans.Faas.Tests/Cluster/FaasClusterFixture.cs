using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Workers;
using Orleans.TestingHost;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>Two in-process silos with in-memory storage, one slot each, and a scripted runner; each silo is a provider.</summary>
public sealed class FaasClusterFixture : IAsyncLifetime
{
    public const int SlotsPerSilo = 1;

    /// <summary>Released once per blocked run; shared by both silos.</summary>
    public SemaphoreSlim Gate { get; } = new(0);

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public IReadOnlyList<string> ProviderIds => [.. Cluster.Silos.Select(s => s.Name)];

    public FaasClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMemoryGrainStorage(FaasStorage.Name);
            silo.AddFaasGrains();
            silo.Services.Configure<WorkerOptions>(w => w.Slots = SlotsPerSilo);
            silo.Services.AddSingleton<IFunctionRunner>(new ScriptedRunner(options.SiloName, Gate));
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
