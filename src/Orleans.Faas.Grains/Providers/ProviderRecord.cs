namespace Orleans.Faas.Providers;

[GenerateSerializer, Alias("faas.ProviderRecord")]
public sealed class ProviderRecord
{
    [Id(0)]
    public ProviderRegistration? Registration { get; set; }

    /// <summary>True from the death of the registered silo until the node registers again.</summary>
    [Id(1)]
    public bool Down { get; set; }

    [Id(2)]
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>An operator's choice; it outlives restarts of the node until it is undrained.</summary>
    [Id(3)]
    public bool Drained { get; set; }

    /// <summary>The latest provider benchmark: the raw workload times its efficiency scores come from.</summary>
    [Id(5)]
    public ProviderBenchmark? Benchmark { get; set; }

    public ProviderStatus Status => Down ? ProviderStatus.Down : Drained ? ProviderStatus.Draining : ProviderStatus.Ready;
}
