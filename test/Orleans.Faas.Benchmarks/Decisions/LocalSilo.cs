namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>The placing silo's identity, which only the <c>local</c> policy reads: its name, the id of its provider.</summary>
public sealed class LocalSilo(string name) : ILocalSiloDetails
{
    public string Name { get; } = name;

    public string ClusterId => "bench";

    public string DnsHostName => "localhost";

    public SiloAddress SiloAddress => throw new NotSupportedException("There is no silo here.");

    public SiloAddress GatewayAddress => throw new NotSupportedException("There is no silo here.");
}
